import { describe, expect, it } from 'vitest';
import { cleanDisplayName } from '../../client/core/displayName.ts';
import { DisplayName } from '../../shared/protocol/http.ts';

describe('client display name rule', () => {
  it.each([
    'Mei',
    '  Alex  ',
    '小美',
    'Nguyễn Thị Linh',
    'a\u0007b',
    '',
    '   ',
    'x'.repeat(24),
    'x'.repeat(25),
    'Mei  Lin',
    '\u0410lex',
    'Staff',
    'H0st 2',
  ])('agrees with the server schema for %j', (raw) => {
    const server = DisplayName.safeParse(raw);
    expect(cleanDisplayName(raw)).toBe(server.success ? server.data : null);
  });
});
