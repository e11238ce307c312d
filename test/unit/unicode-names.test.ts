import { describe, expect, it } from 'vitest';
import { DisplayName } from '../../shared/protocol/http.ts';
import { checkDisplayName } from '../../shared/text/display-name.ts';

const parsedName = (raw: string) => {
  const result = DisplayName.safeParse(raw);
  return result.success ? result.data : null;
};

describe('display names are shown as they will look', () => {
  it('strips a right-to-left override, so "\\u202eTSOH ffatS" cannot show as "Staff HOST"', () => {
    expect(parsedName('\u202eTSOH ffatS')).toBe('TSOH ffatS');
  });

  it('strips every bidi control, zero-width and tag character', () => {
    const hidden =
      '\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\u200c\u200d\u2060\ufeff';
    expect(parsedName(`A${hidden}na\u{e0041}\u{e0042}`)).toBe('Ana');
    expect(parsedName('\ufe0fAna')).toBe('Ana');
  });

  it('refuses a name with nothing visible left', () => {
    expect(parsedName('\u200b\u202e\u2066\ufeff')).toBeNull();
    expect(parsedName('\u3164\u115f')).toBeNull();
    expect(checkDisplayName('\u200b \u200d').problem).toBe('empty');
  });

  it('folds full-width letters and collapses whitespace (NFKC)', () => {
    expect(parsedName('Ａｎａ\u3000\u3000Lee')).toBe('Ana Lee');
    expect(parsedName('Ana \u2028\t Lee')).toBe('Ana Lee');
  });

  it('refuses names that read as a staff word in any lookalike spelling', () => {
    for (const name of [
      'Staff',
      'HOST',
      'Layover',
      'admin',
      'Ｓｔａｆｆ',
      'Stаff',
      'H0st',
      'Âdmin',
      'S t a f f',
    ]) {
      expect(parsedName(name), name).toBeNull();
    }
    for (const name of ['Host 2', 'Layover Team', 'НОЅТ', 'Sta\u200bff', 'Adrnin']) {
      expect(checkDisplayName(name).problem, name).not.toBeNull();
    }
    expect(checkDisplayName('Staff').problem).toBe('reserved');
  });

  it('keeps everyday names that only contain a staff word inside another', () => {
    for (const name of ['Ghost Rider', 'Hostetler', 'Christopher', 'Stafford', 'Admiral Ana']) {
      expect(parsedName(name), name).toBe(name);
    }
  });

  it('refuses names that mix Latin, Cyrillic or Greek letters', () => {
    expect(checkDisplayName('Pаypal').problem).toBe('mixedScripts');
    expect(checkDisplayName('Αnna').problem).toBe('mixedScripts');
    expect(parsedName('Иван')).toBe('Иван');
    expect(parsedName('Νίκος')).toBe('Νίκος');
  });

  it('keeps zh-TW, zh-CN, Japanese and Vietnamese names, composing decomposed Vietnamese accents', () => {
    expect(parsedName('陳美玲')).toBe('陳美玲');
    expect(parsedName('张伟 Zhang')).toBe('张伟 Zhang');
    expect(parsedName('さくら 桜')).toBe('さくら 桜');
    expect(parsedName('Nguyễn Thị Hương')).toBe('Nguyễn Thị Hương');
    const decomposed = 'Nguye\u0302\u0303n Thi\u0323 Hu\u031bo\u031b\u0300ng';
    expect(parsedName(decomposed)).toBe('Nguyễn Thị Hường');
  });

  it('still limits the length after cleaning', () => {
    expect(parsedName('a'.repeat(24))).toBe('a'.repeat(24));
    expect(parsedName('a'.repeat(25))).toBeNull();
    expect(parsedName(`${'\u200b'.repeat(100)}Ana`)).toBe('Ana');
  });
});
