import { pack } from 'msgpackr';

/** A seeded generator (mulberry32), so a failing run can be replayed from its seed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function deep(depth: number): unknown {
  let value: unknown = 0;
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
}

/** Payloads of the wrong shape: wrong types, huge strings, deep nesting, odd numbers. */
function oddPayload(random: () => number): unknown {
  const pick = Math.floor(random() * 8);
  if (pick === 0) return { text: 'x'.repeat(Math.floor(random() * 200_000)) };
  if (pick === 1) return deep(1 + Math.floor(random() * 400));
  if (pick === 2) return { x: Number.NaN, z: Number.POSITIVE_INFINITY };
  if (pick === 3) return { __proto__: { polluted: true }, constructor: 1 };
  if (pick === 4) return [null, true, -0, 2 ** 60];
  if (pick === 5) return 'string';
  if (pick === 6) return { text: '\u202e'.repeat(50) };
  return undefined;
}

/** One hostile frame for a room: a known message type with a wrong payload, an unknown type, or random bytes. */
export function hostileFrame(random: () => number, messageTypes: readonly string[]): Uint8Array {
  const kind = Math.floor(random() * 3);
  if (kind === 2) {
    const bytes = new Uint8Array(1 + Math.floor(random() * 64));
    for (let at = 0; at < bytes.length; at += 1) bytes[at] = Math.floor(random() * 256);
    return bytes;
  }
  const type =
    kind === 0 ? (messageTypes[Math.floor(random() * messageTypes.length)] ?? 'chat') : 'no-such-type';
  const name = new TextEncoder().encode(type);
  // ROOM_DATA (13), the type as a msgpack fixstr, then the msgpack payload.
  return Uint8Array.from([13, 0xa0 | name.length, ...name, ...pack(oddPayload(random))]);
}
