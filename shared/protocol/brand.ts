import { z } from 'zod';

/** The languages a brand kit's texts come in: English is required, the others fall back to it when empty. */
export const BRAND_LOCALES = ['en', 'zh-Hant', 'zh-Hans', 'vi'] as const;
export type BrandLocale = (typeof BRAND_LOCALES)[number];

/** Text a person must be able to read: WCAG AA for normal text. */
export const MIN_CONTRAST = 4.5;

/** The HUD's font families a kit may pick: stacks of fonts the client ships or every system has (nothing fetched). */
export const BRAND_FONTS = {
  system:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang TC", "Microsoft JhengHei", "Noto Sans CJK TC", sans-serif',
  dejavu: '"DejaVu Sans", "Noto Sans", "PingFang TC", "Noto Sans CJK TC", sans-serif',
  serif: 'Georgia, "Noto Serif", "Songti TC", "Noto Serif CJK TC", serif',
  mono: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, "Noto Sans Mono CJK TC", monospace',
} as const;
export type BrandFont = keyof typeof BRAND_FONTS;
export const BRAND_FONT_NAMES = Object.keys(BRAND_FONTS) as [BrandFont, ...BrandFont[]];

/** An uploaded image's id: the sha256 of its bytes, hex. */
export const BrandImageId = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'an image id is the sha256 of an uploaded image');

const HexColour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb')
  .transform((value) => value.toLowerCase());

/** One text in the four languages, English required; `max` counts characters (code points). */
export const localizedText = (max: number) => {
  const part = z
    .string()
    .trim()
    .refine((value) => [...value].length <= max, `at most ${max} characters`);
  return z.strictObject({
    en: part.refine((value) => value.length > 0, 'the English text is required'),
    'zh-Hant': part.default(''),
    'zh-Hans': part.default(''),
    vi: part.default(''),
  });
};
export type LocalizedText = z.infer<ReturnType<typeof localizedText>>;

/** The relative luminance of an #rrggbb colour (WCAG 2.x). */
export function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The WCAG contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The colour pairs whose contrast a kit must keep: the HUD's text on its surfaces, and on its primary buttons. */
export const CONTRAST_PAIRS = [
  ['text', 'surface'],
  ['text', 'primary'],
] as const;

export const BrandColours = z
  .strictObject({ primary: HexColour, accent: HexColour, surface: HexColour, text: HexColour })
  .superRefine((colours, context) => {
    for (const [fore, back] of CONTRAST_PAIRS) {
      const ratio = contrastRatio(colours[fore], colours[back]);
      if (ratio < MIN_CONTRAST)
        context.addIssue({
          code: 'custom',
          path: [fore],
          message: `contrast of ${fore} on ${back} is ${ratio.toFixed(2)}:1, needs ${MIN_CONTRAST}:1`,
        });
    }
  });
export type BrandColours = z.infer<typeof BrandColours>;

/** The places in the lounge that carry a sign. */
export const SIGN_PLACES = ['vip', 'arcade', 'bar', 'stage', 'suite'] as const;
export type SignPlace = (typeof SIGN_PLACES)[number];

/** Everything a brand changes about the lounge's look (issue 20); the room layout is not part of it. */
export const BrandKit = z.strictObject({
  name: z.string().trim().min(1).max(40),
  colours: BrandColours,
  font: z.enum(BRAND_FONT_NAMES),
  logo: BrandImageId.optional(),
  screenArt: BrandImageId.optional(),
  boardLines: z.array(localizedText(32)).max(8),
  signage: z.strictObject({
    vip: localizedText(24),
    arcade: localizedText(24),
    bar: localizedText(24),
    stage: localizedText(24),
    suite: localizedText(24),
  }),
  welcome: localizedText(280),
});
export type BrandKit = z.infer<typeof BrandKit>;
export type BrandKitInput = z.input<typeof BrandKit>;

/** PUT /api/console/brand: the kit to publish over `baseVersion`, the version the operator edited (0: none yet). */
export const PublishBrandBody = z.strictObject({
  baseVersion: z.number().int().min(0),
  kit: BrandKit,
});
export type PublishBrandBody = z.input<typeof PublishBrandBody>;

/** GET /api/brand and the console's read: the live kit, its version (0 = the built-in default) and image URLs. */
export interface BrandView {
  version: number;
  kit: BrandKit;
  publishedAt: string | null;
  publishedBy: string | null;
}

/** POST /api/console/brand/images answers this. */
export interface BrandImageUploaded {
  id: string;
  mime: BrandImageMime;
  width: number;
  height: number;
  bytes: number;
}

export const BRAND_IMAGE_MIMES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type BrandImageMime = (typeof BRAND_IMAGE_MIMES)[number];
/** Upload limits: 1 MiB, 16 to 2048 px on each side. */
export const BRAND_IMAGE_MAX_BYTES = 1024 * 1024;
export const BRAND_IMAGE_MIN_PX = 16;
export const BRAND_IMAGE_MAX_PX = 2048;

export const BrandImageParams = z.strictObject({ id: BrandImageId });

/** The text of `value` in `locale`, English where that language was left empty. */
export function inLocale(value: LocalizedText, locale: string): string {
  const text = (value as Record<string, string | undefined>)[locale];
  return text?.trim() ? text : value.en;
}
