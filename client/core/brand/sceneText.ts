import { inLocale, type LocalizedText } from '../../../shared/protocol/brand.ts';

/** Han, kana and hangul: glyphs the scene's one font (DejaVu Sans) does not carry. */
const OUTSIDE_SCENE_FONT = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/;

/**
 * A kit text for 3D signs and the board, drawn with DejaVu Sans: the member's language where the font covers it
 * (English, Vietnamese), else English, so a sign never shows empty boxes.
 */
export function sceneText(value: LocalizedText, locale: string): string {
  const text = inLocale(value, locale);
  return OUTSIDE_SCENE_FONT.test(text) ? value.en : text;
}
