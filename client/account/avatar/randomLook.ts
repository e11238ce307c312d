import {
  type AvatarLook,
  BODY_BUILDS,
  HAIR_COLOURS,
  HAIR_STYLES,
  OUTFIT_COLOURS,
  OUTFITS,
  SKIN_TONES,
} from '../../../shared/avatar-look.ts';
import type { HeldWearable } from '../../../shared/protocol/avatar.ts';

const index = (random: () => number, length: number) => Math.min(length - 1, Math.floor(random() * length));
const pick = <T>(random: () => number, list: readonly T[]): T => list[index(random, list.length)] as T;

/** A look drawn at random ("Random"); it wears one of the held wearables, or nothing, by chance too. */
export function randomLook(random: () => number, wearables: readonly HeldWearable[]): AvatarLook {
  const wear = index(random, wearables.length + 1);
  return {
    build: pick(random, BODY_BUILDS),
    skin: index(random, SKIN_TONES.length),
    outfit: pick(random, OUTFITS),
    outfitColour: index(random, OUTFIT_COLOURS.length),
    accentColour: index(random, OUTFIT_COLOURS.length),
    hair: pick(random, HAIR_STYLES),
    hairColour: index(random, HAIR_COLOURS.length),
    wear: wearables[wear]?.prizeId ?? null,
  };
}
