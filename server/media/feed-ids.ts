import { createHmac, randomInt } from 'node:crypto';

// A feed id is a JS-safe integer: 24 random bits, 1 publish bit, then 28 bits of HMAC over (room, those 25 bits).
// Any Layover process holding the shared secret can tell an issued id (and its publish right) from a made-up one.
const MAC_SPAN = 2 ** 28;
const NONCE_SPAN = 2 ** 24;

function mac(secret: string, room: number, head: number): number {
  const digest = createHmac('sha256', secret).update(`layover-feed\0${room}\0${head}`).digest();
  return digest.readUInt32BE(0) >>> 4;
}

/** A new feed id for `room`: unguessable, unique among `taken`, and carrying whether it may publish. */
export function mintFeedId(secret: string, room: number, publish: boolean, taken: (id: number) => boolean) {
  for (;;) {
    const head = randomInt(1, NONCE_SPAN) * 2 + (publish ? 1 : 0);
    const id = head * MAC_SPAN + mac(secret, room, head);
    if (Number.isSafeInteger(id) && !taken(id)) return id;
  }
}

/** What an id says when this secret issued it for `room` (publish right); undefined for a made-up id. */
export function readFeedId(secret: string, room: number, id: number): { publish: boolean } | undefined {
  if (!Number.isSafeInteger(id) || id < MAC_SPAN) return undefined;
  const head = Math.floor(id / MAC_SPAN);
  if (mac(secret, room, head) !== id % MAC_SPAN) return undefined;
  return { publish: head % 2 === 1 };
}
