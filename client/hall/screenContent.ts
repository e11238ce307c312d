import type { StageView } from '../../shared/protocol/stage.ts';
import { prizeName } from '../core/content.ts';
import type { Locale } from '../core/i18n/translate.ts';
import { translate } from '../core/i18n/translate.ts';
import { tallyShares } from './countdown.ts';

export interface ScreenPollRow {
  label: string;
  count: number;
  share: number;
  correct: boolean;
}

/** What the big screen over the stage shows, in the member's language; drawn on a canvas (CJK included). */
export interface ScreenContent {
  title: string;
  announcement: string;
  pollHeading: string;
  pollQuestion: string;
  pollRows: ScreenPollRow[];
  /** "DROP: Lounge Day Pass · 3 of 10 left"; the countdown beside it ticks on its own. */
  dropLine: string;
  dropOpen: boolean;
  /** Nothing to say (no announcement, poll or drop): the brand's screen art fills the screen under the title. */
  idle: boolean;
}

const LETTERS = ['A', 'B', 'C', 'D'];

/** The screen's text for a stage: title, announcement, the poll with its tallies, and the drop. */
export function screenContent(stage: StageView, locale: Locale): ScreenContent {
  const { poll, drop } = stage;
  const shares = poll ? tallyShares(poll.tallies) : [];
  const pollHeading = !poll
    ? ''
    : translate(locale, poll.kind === 'trivia' ? 'event.screen.trivia' : 'event.screen.poll');
  let dropLine = '';
  if (drop) {
    const prize = prizeName(drop.prizeId, locale);
    const left = Math.max(0, drop.supply - drop.claimed);
    dropLine =
      drop.state === 'open'
        ? translate(locale, drop.mode === 'raffle' ? 'event.screen.raffleOpen' : 'event.screen.dropOpen', {
            prize,
            left,
            supply: drop.supply,
            entrants: drop.entrants,
          })
        : translate(locale, 'event.screen.dropClosed', { prize });
  }
  return {
    title: stage.title,
    announcement: stage.announcement,
    pollHeading,
    pollQuestion: poll?.question ?? '',
    pollRows: (poll?.options ?? []).map((option, index) => ({
      label: `${LETTERS[index] ?? index + 1}  ${option}`,
      count: poll?.tallies[index] ?? 0,
      share: shares[index] ?? 0,
      correct: poll?.correct === index,
    })),
    dropLine,
    dropOpen: drop?.state === 'open',
    idle: !stage.announcement && !poll && !drop,
  };
}
