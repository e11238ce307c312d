import { useT } from '../core/i18n/useT.ts';
import type { DockSlot } from '../core/ui/useHudDock.ts';
import { AnnouncementBanner } from './hud/AnnouncementBanner.tsx';
import { DropCard } from './hud/DropCard.tsx';
import { EventHeader } from './hud/EventHeader.tsx';
import { EventPanels } from './hud/EventPanels.tsx';
import { MutedNotice } from './hud/MutedNotice.tsx';
import { PollCard } from './hud/PollCard.tsx';
import { ReactionBar } from './hud/ReactionBar.tsx';
import { ReactionBursts } from './hud/ReactionBursts.tsx';
import { ReportDialog } from './hud/ReportDialog.tsx';
import { SpotlightLine } from './hud/SpotlightLine.tsx';
import { StageMedia } from './media/StageMedia.tsx';
import { ScreenVideoPlayer } from './screenVideo/ScreenVideoPlayer.tsx';
import { StageControls } from './stage/StageControls.tsx';

/** The hall's HUD over the lounge controls: the show, its poll and drop, panels, reactions and the report form; its column folds into the compact HUD's dock on phones. */
export function EventHud({ dock }: { dock?: DockSlot }) {
  const t = useT();
  return (
    <>
      <ReactionBursts />
      <section className="event-column" aria-label={t('event.region')} data-testid="event-hud" {...dock}>
        <EventHeader />
        <StageControls />
        <ScreenVideoPlayer />
        <MutedNotice />
        <AnnouncementBanner />
        <SpotlightLine />
        {/* The drop first: its window is short and its button is what members came for. */}
        <DropCard />
        <PollCard />
        <EventPanels />
      </section>
      <StageMedia />
      <ReactionBar />
      <ReportDialog />
    </>
  );
}
