import { describe, expect, it } from 'vitest';
import { lookErrorKey } from '../../client/account/avatar/avatarApi.ts';
import { randomLook } from '../../client/account/avatar/randomLook.ts';
import { ApiError } from '../../client/core/http.ts';
import type { HeldWearable } from '../../shared/protocol/avatar.ts';
import { AvatarLook } from '../../shared/protocol/avatar.ts';

const CAP: HeldWearable = {
  prizeId: 'lounge-day-pass',
  name: { en: 'Pass', 'zh-Hant': '證', 'zh-Hans': '证', vi: 'Vé' },
  wearable: { kind: 'cap', colour: '#1f3a5f' },
};

/** A random source that yields the given values in turn. */
const sequence = (values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length] as number;
};

describe('the avatar editor', () => {
  it('draws random looks that are always valid, wearing only a held wearable or nothing', () => {
    for (const random of [sequence([0]), sequence([0.999999]), Math.random]) {
      const look = randomLook(random, [CAP]);
      expect(AvatarLook.parse(look)).toEqual(look);
      expect([null, 'lounge-day-pass']).toContain(look.wear);
    }
    expect(randomLook(sequence([0.999999]), []).wear).toBeNull();
    expect(randomLook(sequence([0.999999]), [CAP]).wear).toBeNull();
    expect(randomLook(sequence([0]), [CAP]).wear).toBe('lounge-day-pass');
  });

  it("explains the server's refusals in the member's words, anything else as not saved", () => {
    expect(lookErrorKey(new ApiError('wearableNotHeld', 409))).toBe('avatar.error.wearableNotHeld');
    expect(lookErrorKey(new ApiError('invalidLook', 400))).toBe('avatar.error.invalidLook');
    expect(lookErrorKey(new ApiError('unauthorized', 401))).toBe('avatar.error.unauthorized');
    expect(lookErrorKey(new ApiError('network', 0))).toBe('avatar.error.other');
    expect(lookErrorKey(new Error('boom'))).toBe('avatar.error.other');
  });
});
