import { HALLS } from '../../../../shared/content/live-events.ts';
import type { PublicLiveEvent } from '../../../../shared/protocol/live-events.ts';
import { listedEvents } from '../../../hall/liveEventsList.ts';
import { AMBER, BOARD_ROWS, type BoardRow, GREEN, WHITE } from './departures.ts';

/** Longest title the EVENT column holds before it runs into the HALL column. */
const TITLE_MAX = 24;
/** What a title with nothing ASCII in it (all CJK, say) shows on the board. */
const UNTITLED = 'LIVE EVENT';

/** Letters the decomposition below does not split into a base letter and a mark. */
const FOLDS: Readonly<Record<string, string>> = { đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', ß: 'ss', æ: 'ae', Æ: 'AE' };

/** Han characters and CJK punctuation, which the board keeps for members who read Chinese (client/core/scene/cjkFonts.ts). */
const HAN = /[\p{Script=Han}\u3000-\u303f]/u;

/**
 * Upper-case ASCII for the board's font: accents dropped ("Hội An" -> "HOI AN"), anything else removed; with `keepHan`
 * Chinese stays too (two columns a character), drawn from the CJK pieces.
 */
export function boardText(text: string, max: number = TITLE_MAX, keepHan = false): string {
  const folded = text
    .replace(/[đĐøØßæÆ]/g, (letter) => FOLDS[letter] ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^\x20-\x7e]/gu, (char) => (keepHan && HAN.test(char) ? char : ' '))
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...folded];
  const width = (list: string[]) => list.reduce((sum, char) => sum + (HAN.test(char) ? 2 : 1), 0);
  if (width(chars) <= max) return folded;
  while (width(chars) > max - 3) chars.pop();
  return `${chars.join('').trimEnd()}...`;
}

/** 24-hour local clock time, "HH:MM", ASCII digits whatever the member's language. */
export function localClockTime(at: Date): string {
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

function statusOf(event: PublicLiveEvent, serverNow: number): { status: string; statusColor: string } {
  if (event.open && serverNow >= Date.parse(event.startsAt)) return { status: 'LIVE', statusColor: AMBER };
  if (event.open) return { status: 'BOARDING', statusColor: GREEN };
  return { status: 'ON TIME', statusColor: WHITE };
}

function hallName(hall: string): string {
  return HALLS.find((candidate) => candidate.id === hall)?.name ?? boardText(hall, 12);
}

/** The board's rows for live and upcoming events (soonest first); empty when there are none. */
export function eventBoardRows(
  events: readonly PublicLiveEvent[],
  serverNow: number,
  clockTime: (at: Date) => string = localClockTime,
  keepHan = false,
): BoardRow[] {
  return listedEvents(events)
    .slice(0, BOARD_ROWS)
    .map((event) => ({
      key: event.id,
      time: clockTime(new Date(event.startsAt)),
      flight: '',
      destination: boardText(event.title, TITLE_MAX, keepHan) || UNTITLED,
      gate: hallName(event.hall),
      ...statusOf(event, serverNow),
    }));
}
