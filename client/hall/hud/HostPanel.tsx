import { useT } from '../../core/i18n/useT.ts';
import { ScreenVideoControl } from '../screenVideo/ScreenVideoControl.tsx';
import { HostAnnounce } from './HostAnnounce.tsx';
import { HostDrops } from './HostDrops.tsx';
import { HostEndEvent } from './HostEndEvent.tsx';
import { HostPollForm } from './HostPollForm.tsx';
import { HostSpotlight } from './HostSpotlight.tsx';

/** The host's controls: announce, spotlight, polls and trivia, drops, and ending the show. */
export function HostPanel() {
  const t = useT();
  return (
    <div className="host-panel" data-testid="host-panel">
      <p className="host-panel-hint">{t('host.hint')}</p>
      <HostAnnounce />
      <ScreenVideoControl />
      <HostSpotlight />
      <HostPollForm />
      <HostDrops />
      <HostEndEvent />
    </div>
  );
}
