import { Color } from 'three';
import {
  type AvatarLook,
  BODY_BUILDS,
  decodeLook,
  HAIR_STYLES,
  hashString,
  OUTFITS,
} from '../../../../shared/avatar-look.ts';
import { prizes } from '../../../../shared/content/prizes.ts';
import { WEAR_KINDS } from './avatarParts.ts';

/** A member's look as the avatar shader reads it: every choice as a number, the wearable's colour in linear RGB. */
export interface RenderLook {
  look: AvatarLook;
  /** build, outfit, hair, wear kind (0 none, 1 cap, 2 badge): the aStyle attribute. */
  style: readonly [number, number, number, number];
  /** skin, outfit colour, accent colour, hair colour (palette indices): the aLook attribute. */
  colours: readonly [number, number, number, number];
  wear: Color;
  /** Phase offset so avatars don't breathe or stride in lockstep. */
  phase: number;
}

/** Looks decoded so far, by member id and look string; cleared when it grows past this (members come and go). */
const CACHE_LIMIT = 1024;
const looks = new Map<string, RenderLook>();

/** What a member wears: the prize's wearable (a cap or a badge in its colour), or nothing for an unknown prize. */
export function wearableOf(prizeId: string | null): { kind: number; colour: string } {
  const wearable = prizeId ? prizes.find((prize) => prize.id === prizeId)?.wearable : undefined;
  return wearable
    ? { kind: WEAR_KINDS.indexOf(wearable.kind), colour: wearable.colour }
    : { kind: 0, colour: '#ffffff' };
}

/** The look a member's avatar is drawn with (decodeLook of Member.look), cached per (id, look). */
export function lookFor(memberId: string, encoded: string): RenderLook {
  const key = `${memberId}\n${encoded}`;
  const cached = looks.get(key);
  if (cached) return cached;
  if (looks.size >= CACHE_LIMIT) looks.clear();
  const look = decodeLook(encoded, memberId);
  const wear = wearableOf(look.wear);
  const render: RenderLook = {
    look,
    style: [
      BODY_BUILDS.indexOf(look.build),
      OUTFITS.indexOf(look.outfit),
      HAIR_STYLES.indexOf(look.hair),
      wear.kind,
    ],
    colours: [look.skin, look.outfitColour, look.accentColour, look.hairColour],
    wear: new Color(wear.colour),
    phase: ((hashString(memberId) >>> 3) % 628) / 100,
  };
  looks.set(key, render);
  return render;
}

/** How many looks are cached (tests). */
export function cachedLooks(): number {
  return looks.size;
}
