import { describe, expect, it } from 'vitest';
import { checkWear, wearablesAmong } from '../../server/members/avatar-look.ts';
import { prizes } from '../../shared/content/prizes.ts';

describe('wearables a member may wear', () => {
  it('lists only the wearable prizes among those held, in catalogue order', () => {
    const held = wearablesAmong(prizes, new Set(['upgrade-voucher', 'gold-pass', 'lounge-day-pass']));
    expect(held.map((item) => [item.prizeId, item.wearable.kind])).toEqual([
      ['lounge-day-pass', 'cap'],
      ['gold-pass', 'badge'],
    ]);
    expect(wearablesAmong(prizes, new Set(['upgrade-voucher']))).toEqual([]);
  });

  it('accepts no wearable, a held wearable; refuses an unknown or unwearable prize and one not held', () => {
    const held = wearablesAmong(prizes, new Set(['gold-pass']));
    expect(checkWear(null, prizes, [])).toBe('ok');
    expect(checkWear('gold-pass', prizes, held)).toBe('ok');
    expect(checkWear('lounge-day-pass', prizes, held)).toBe('wearableNotHeld');
    expect(checkWear('upgrade-voucher', prizes, held)).toBe('notWearable');
    expect(checkWear('no-such-prize', prizes, held)).toBe('notWearable');
  });
});
