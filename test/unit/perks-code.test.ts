import { describe, expect, it } from 'vitest';
import { newPerkCode } from '../../server/perks/code.ts';
import { parsePoolText } from '../../server/perks/pools.ts';
import { parsePerkSpecs, perkSpecFor, perkSpecs } from '../../shared/content/perks.ts';
import { prizes } from '../../shared/content/prizes.ts';
import { ContentError } from '../../shared/content/quest-schema.ts';
import {
  formatPerkCode,
  normalisePerkCode,
  PERK_CODE_ALPHABET,
  parsePerkQr,
  perkQrPayload,
  ShippingBody,
} from '../../shared/protocol/perks.ts';

describe('perk codes', () => {
  it('are 16 Crockford base32 characters, all distinct over 5,000 draws, every symbol used', () => {
    const codes = Array.from({ length: 5_000 }, newPerkCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    const used = new Set(codes.join(''));
    expect([...PERK_CODE_ALPHABET].every((symbol) => used.has(symbol))).toBe(true);
  });

  it('read back as typed or scanned: case, spaces, dashes, I/L/O, and the QR payload', () => {
    const code = newPerkCode();
    const shown = formatPerkCode(code);
    expect(shown).toMatch(/^(.{4}-){3}.{4}$/);
    expect(normalisePerkCode(shown.toLowerCase())).toBe(code);
    expect(normalisePerkCode(` ${shown.replaceAll('-', ' ')} `)).toBe(code);
    expect(normalisePerkCode('0O1I-L000-0000-0000')).toBe('0011100000000000');
    expect(normalisePerkCode(perkQrPayload('layover', code))).toBe(code);
    expect(parsePerkQr(perkQrPayload('other-brand', code))).toEqual({ brand: 'other-brand', code });
    expect(normalisePerkCode('ABCD-EFGH-JKMN-PQR')).toBeNull();
    expect(normalisePerkCode('ABCD-EFGH-JKMN-PQRU')).toBeNull();
    expect(parsePerkQr('https://example.com')).toBeNull();
  });
});

describe('perk content', () => {
  it('gives every prize but the Gold Pass a perk, and refuses unknown prizes, doubles and bad fields', () => {
    expect(perkSpecFor('gold-pass')).toBeUndefined();
    for (const prize of prizes.filter((p) => p.id !== 'gold-pass'))
      expect(perkSpecFor(prize.id)).toBeDefined();
    expect(perkSpecs.length).toBe(prizes.length - 1);
    const ids = ['a', 'b'];
    expect(() => parsePerkSpecs([{ prizeId: 'c', kind: 'generatedCode', validDays: 1 }], ids)).toThrow(
      ContentError,
    );
    expect(() =>
      parsePerkSpecs(
        [
          { prizeId: 'a', kind: 'generatedCode', validDays: 1 },
          { prizeId: 'a', kind: 'physical', validDays: 1 },
        ],
        ids,
      ),
    ).toThrow(/two perks/);
    expect(() => parsePerkSpecs([{ prizeId: 'a', kind: 'timedAccess', room: 'vip', hours: 0 }], ids)).toThrow(
      ContentError,
    );
    expect(() => parsePerkSpecs([{ prizeId: 'a', kind: 'codePool', validDays: 5 }], ids)).toThrow(/poolId/);
  });
});

describe('pool uploads and shipping forms', () => {
  it('parses lines and CSV, skipping a header, blanks and repeats, counting bad codes', () => {
    expect(parsePoolText('code\nAB-123\n"CD.456",x;y\nAB-123\n\n a b \nZZ\n')).toEqual({
      codes: ['AB-123', 'CD.456'],
      invalid: 2,
      repeated: 1,
    });
  });

  it('trims fields, upper-cases the country and refuses what is not an address', () => {
    const ok = ShippingBody.parse({
      name: ' Lan ',
      addressLines: ['1 Main St'],
      city: 'Taipei',
      postcode: '100-01',
      country: 'tw',
    });
    expect(ok).toMatchObject({ name: 'Lan', country: 'TW' });
    for (const bad of [
      { ...ok, postcode: 'x' },
      { ...ok, postcode: '12345678901234' },
      { ...ok, country: 'TWN' },
      { ...ok, name: 'x'.repeat(101) },
      { ...ok, addressLines: [''] },
    ])
      expect(ShippingBody.safeParse(bad).success).toBe(false);
  });
});
