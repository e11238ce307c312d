import type { StatusLevel } from '../../shared/content/quest-schema.ts';
import { RoomName } from '../../shared/rooms.ts';
import type { Locale, Translate } from '../core/i18n/translate.ts';

/** Rooms a status level opens: the member's (its own and every lower level's) and what the next level adds. */
export interface StatusPerks {
  current: RoomName[];
  next: RoomName[];
}

const ROOM_NAMES = new Set<string>(Object.values(RoomName));
const isRoomName = (room: string): room is RoomName => ROOM_NAMES.has(room);

function roomsOpenedUpTo(levels: readonly StatusLevel[], minStamps: number): RoomName[] {
  const rooms = levels.filter((level) => level.minStamps <= minStamps).flatMap((level) => level.opensRooms);
  return [...new Set(rooms)].filter(isRoomName);
}

/** The perks of level `current` and the new ones of level `next` (null at the top), from the status content. */
export function statusPerks(
  levels: readonly StatusLevel[],
  current: string,
  next: string | null,
): StatusPerks {
  const level = levels.find((l) => l.id === current);
  const held = level ? roomsOpenedUpTo(levels, level.minStamps) : [];
  const upcoming = levels.find((l) => l.id === next);
  const gained = upcoming ? roomsOpenedUpTo(levels, upcoming.minStamps).filter((r) => !held.includes(r)) : [];
  return { current: held, next: gained };
}

/** "opens the VIP lounge", joined as a list in the member's language. */
export function perkList(rooms: readonly RoomName[], t: Translate, locale: Locale): string {
  const perks = rooms.map((room) => t('passport.perkOpensRoom', { room: t(`room.${room}`) }));
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(perks);
}

/** The passport's perk lines: "Your perks: …" and "<next level>: …", each only when there is a perk to show. */
export function perkLines(perks: StatusPerks, nextLevelName: string, t: Translate, locale: Locale): string[] {
  const lines: string[] = [];
  if (perks.current.length > 0)
    lines.push(t('passport.yourPerks', { perks: perkList(perks.current, t, locale) }));
  if (perks.next.length > 0)
    lines.push(t('passport.nextPerks', { level: nextLevelName, perks: perkList(perks.next, t, locale) }));
  return lines;
}
