import { EVENT_ROOM, RoomName } from '../../shared/rooms.ts';
import type { MessageKey } from '../core/i18n/en.ts';
import { type Locale, translate } from '../core/i18n/translate.ts';

/** Each zone of the lounge layout (shared/content/lounge-layout.ts) by its name in the catalogues. */
export const ZONE_NAME_KEYS: Readonly<Record<string, MessageKey>> = {
  window: 'zone.window',
  'departures-board': 'zone.departuresBoard',
  bar: 'zone.bar',
  arcade: 'zone.arcade',
  stage: 'zone.stage',
  'vip-door': 'zone.vipDoor',
  'suite-door': 'zone.suiteDoor',
};

const ROOM_NAME_KEYS: Readonly<Record<string, MessageKey>> = {
  [RoomName.lounge]: 'room.lounge',
  [RoomName.vip]: 'room.vip',
  [RoomName.suite]: 'room.suite',
  [EVENT_ROOM]: 'event.placeHall',
};

/** A zone's name in `locale`, or null for a zone this client does not know. */
export function zoneName(zoneId: string, locale: Locale): string | null {
  const key = ZONE_NAME_KEYS[zoneId];
  return key ? translate(locale, key) : null;
}

/** Where a stamp was earned (`lounge/departures-board`, `vip`), in words: "Departures board, Main lounge". */
export function placeName(where: string, locale: Locale): string {
  const [roomId = '', zoneId] = where.split('/', 2);
  const roomKey = ROOM_NAME_KEYS[roomId];
  const room = roomKey ? translate(locale, roomKey) : roomId;
  const zone = zoneId ? zoneName(zoneId, locale) : null;
  return zone ? translate(locale, 'place.zoneInRoom', { zone, room }) : room;
}
