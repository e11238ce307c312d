import { useT } from '../../i18n/useT.ts';
import { AnnouncementBanner } from './AnnouncementBanner.tsx';
import { DropCard } from './DropCard.tsx';
import { EventHeader } from './EventHeader.tsx';
import { EventPanels } from './EventPanels.tsx';
import { MutedNotice } from './MutedNotice.tsx';
import { PollCard } from './PollCard.tsx';
import { ReactionBar } from './ReactionBar.tsx';
import { ReactionBursts } from './ReactionBursts.tsx';
import { ReportDialog } from './ReportDialog.tsx';
import { SpotlightLine } from './SpotlightLine.tsx';

/** The hall's HUD over the lounge controls: the show, its poll and drop, panels, reactions and the report form. */
export function EventHud() {
  const t = useT();
  return (
    <>
      <ReactionBursts />
      <section className="event-column" aria-label={t('event.region')} data-testid="event-hud">
        <EventHeader />
        <MutedNotice />
        <AnnouncementBanner />
        <SpotlightLine />
        {/* The drop first: its window is short and its button is what members came for. */}
        <DropCard />
        <PollCard />
        <EventPanels />
      </section>
      <ReactionBar />
      <ReportDialog />
    </>
  );
}
