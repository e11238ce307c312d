import { z } from 'zod';
import {
  BODY_BUILDS,
  HAIR_COLOURS,
  HAIR_STYLES,
  OUTFIT_COLOURS,
  OUTFITS,
  SKIN_TONES,
  WEAR_ID,
  WEAR_ID_MAX,
} from '../avatar-look.ts';
import { Prize } from '../content/prizes.ts';

const index = (length: number) =>
  z
    .number()
    .int()
    .min(0)
    .max(length - 1);

/** An avatar look (shared/avatar-look.ts) as the server validates it, on the way in and read back from the ledger. */
export const AvatarLook = z.strictObject({
  build: z.enum(BODY_BUILDS),
  skin: index(SKIN_TONES.length),
  outfit: z.enum(OUTFITS),
  outfitColour: index(OUTFIT_COLOURS.length),
  accentColour: index(OUTFIT_COLOURS.length),
  hair: z.enum(HAIR_STYLES),
  hairColour: index(HAIR_COLOURS.length),
  wear: z.string().regex(WEAR_ID).max(WEAR_ID_MAX).nullable(),
});
export type AvatarLook = z.infer<typeof AvatarLook>;

/** The body of PUT /api/members/me/look: the whole look, validated field by field. */
export const PutLookBody = AvatarLook;
export type PutLookBody = z.infer<typeof PutLookBody>;

/** A wearable prize the member holds (wallet, custody or held for them): what the editor offers to wear. */
export const HeldWearable = z.strictObject({
  prizeId: z.string(),
  name: Prize.shape.name,
  wearable: Prize.shape.wearable.unwrap(),
});
export type HeldWearable = z.infer<typeof HeldWearable>;

/** GET (and PUT) /api/members/me/look: the stored look (null = the default look) and the wearables held now. */
export const LookResponse = z.strictObject({
  look: AvatarLook.nullable(),
  /** Member.look as rooms show it ('' = default): what the lounge draws. */
  encoded: z.string(),
  wearables: z.array(HeldWearable),
});
export type LookResponse = z.infer<typeof LookResponse>;

/** Refusals of PUT /api/members/me/look, each translated under `error.<code>`. */
export const AVATAR_ERROR_CODES = [
  /** The body is not a look (an unknown outfit, a colour out of range): `issues` names the fields. */
  'invalidLook',
  /** `wear` names a prize that cannot be worn (or no prize at all). */
  'notWearable',
  /** `wear` names a wearable prize the member does not hold. */
  'wearableNotHeld',
] as const;
export type AvatarErrorCode = (typeof AVATAR_ERROR_CODES)[number];

/** One field the look failed on, for a form: `path` is the field ("outfit", "skin"), `message` zod's words. */
export const LookIssue = z.strictObject({ path: z.string(), message: z.string() });
export type LookIssue = z.infer<typeof LookIssue>;
