import { describe, expect, it } from 'vitest';
import { decodeLook, defaultLook } from '../../shared/avatar-look.ts';
import { AvatarLook } from '../../shared/protocol/avatar.ts';

/** A small seeded generator, so a failure names a case that reproduces. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WEARS = ['', 'gold-pass', 'lounge-day-pass', 'Bad_Id', 'x'.repeat(65), '-lead'];

describe('the zod-free look decoder agrees with the request schema', () => {
  it('keeps exactly the looks the schema accepts and gives the default look for the rest', () => {
    const random = seeded(21);
    const field = (span: number) => Math.floor(random() * span) - 1; // -1 .. span-2: out of range at both ends
    let accepted = 0;
    for (let i = 0; i < 2000; i++) {
      const parts = [field(5), field(8), field(6), field(14), field(14), field(8), field(10)];
      const wear = WEARS[Math.floor(random() * WEARS.length)] ?? '';
      const encoded = wear ? `${parts.join('.')}.${wear}` : parts.join('.');
      const decoded = decodeLook(encoded, 'member-1');
      const [build, skin, outfit, colour, accent, hair, hairColour] = parts;
      const candidate = {
        build: ['slim', 'regular', 'broad'][build ?? -1],
        skin,
        outfit: ['jacket', 'hoodie', 'dress', 'uniform'][outfit ?? -1],
        outfitColour: colour,
        accentColour: accent,
        hair: ['none', 'short', 'bob', 'long', 'bun', 'curly'][hair ?? -1],
        hairColour,
        wear: wear || null,
      };
      const parsed = AvatarLook.safeParse(candidate);
      if (parsed.success) accepted++;
      expect(decoded, encoded).toEqual(parsed.success ? parsed.data : defaultLook('member-1'));
    }
    // Both branches were exercised.
    expect(accepted).toBeGreaterThan(20);
    expect(accepted).toBeLessThan(2000);
  });
});
