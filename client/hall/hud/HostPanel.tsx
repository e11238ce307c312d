import { useT } from '../../core/i18n/useT.ts';
import { ScreenVideoControl } from '../screenVideo/ScreenVideoControl.tsx';
import { HostStage } from '../stage/HostStage.tsx';
import { HostAnnounce } from './HostAnnounce.tsx';
import { HostDrops } from './HostDrops.tsx';
import { HostEndEvent } from './HostEndEvent.tsx';
import { HostPollForm } from './HostPollForm.tsx';
import { HostSpotlight } from './HostSpotlight.tsx';

/** The host's controls: announce, the stage's sound and camera, the screen video, spotlight, polls and trivia, drops, and ending the show. */
export function HostPanel() {
  const t = useT();
  return (
    <div className="host-panel" data-testid="host-panel">
      <p className="host-panel-hint">{t('host.hint')}</p>
      <HostAnnounce />
      <HostStage />
      <ScreenVideoControl />
      <HostSpotlight />
      <HostPollForm />
      <HostDrops />
      <HostEndEvent />
    </div>
  );
}
