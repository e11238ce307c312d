import { Color } from 'three';
import { describe, expect, it } from 'vitest';
import { cachedLooks, lookFor, wearableOf } from '../../client/lounge/scene/avatars/avatarLook.ts';
import { type AvatarLook, defaultLook, encodeLook } from '../../shared/avatar-look.ts';

const chosen: AvatarLook = {
  build: 'broad',
  skin: 5,
  outfit: 'dress',
  outfitColour: 7,
  accentColour: 2,
  hair: 'bun',
  hairColour: 4,
  wear: 'lounge-day-pass',
};

describe('avatar looks for the renderer', () => {
  it('reads Member.look into the numbers the shader takes', () => {
    const render = lookFor('member-a', encodeLook(chosen));
    expect(render.look).toEqual(chosen);
    expect(render.style).toEqual([2, 2, 4, 1]); // broad, dress, bun, cap
    expect(render.colours).toEqual([5, 7, 2, 4]);
    expect(render.wear.getHexString()).toBe(new Color('#1f3a5f').getHexString());
  });

  it('draws the default look of the member for an empty or malformed look', () => {
    expect(lookFor('member-b', '').look).toEqual(defaultLook('member-b'));
    expect(lookFor('member-b', '9.9.9').look).toEqual(defaultLook('member-b'));
    expect(lookFor('member-c', '').look).toEqual(defaultLook('member-c'));
  });

  it('decodes each (member, look) once and again when the look changes', () => {
    const encoded = encodeLook({ ...chosen, wear: null });
    const first = lookFor('member-d', encoded);
    const size = cachedLooks();
    expect(lookFor('member-d', encoded)).toBe(first);
    expect(cachedLooks()).toBe(size);
    const changed = lookFor('member-d', encodeLook({ ...chosen, hair: 'long' }));
    expect(changed).not.toBe(first);
    expect(changed.style[2]).toBe(3);
    expect(first.style[3]).toBe(0);
  });

  it('wears a cap or a badge in the prize colour, and nothing for a prize that is not wearable', () => {
    expect(wearableOf('lounge-day-pass')).toEqual({ kind: 1, colour: '#1f3a5f' });
    expect(wearableOf('gold-pass')).toEqual({ kind: 2, colour: '#d4a017' });
    expect(wearableOf('upgrade-voucher').kind).toBe(0);
    expect(wearableOf('no-such-prize').kind).toBe(0);
    expect(wearableOf(null).kind).toBe(0);
  });
});
