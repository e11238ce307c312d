import {
  BRAND_LOCALES,
  type BrandKit,
  CONTRAST_PAIRS,
  contrastRatio,
  type LocalizedText,
  MIN_CONTRAST,
  SIGN_PLACES,
} from '../../../shared/protocol/brand.ts';
import type { ConsoleKey } from '../i18n/en.ts';

/** One field's problem as a catalogue key and its values, so it shows in the operator's language. */
export interface FieldError {
  key: ConsoleKey;
  vars?: Record<string, string | number>;
}

const HEX = /^#[0-9a-fA-F]{6}$/;
const length = (text: string) => [...text.trim()].length;

function checkText(errors: Map<string, FieldError>, path: string, value: LocalizedText, max: number) {
  if (length(value.en) === 0) errors.set(`${path}.en`, { key: 'brand.error.required' });
  for (const locale of BRAND_LOCALES)
    if (length(value[locale]) > max)
      errors.set(`${path}.${locale}`, { key: 'brand.error.tooLong', vars: { max } });
}

/**
 * What the server would refuse in a draft kit, by field path (`colours.text`, `welcome.en`, `boardLines.2.vi`):
 * checked as the operator types, so each error shows beside its field before anything is sent.
 */
export function brandFieldErrors(kit: BrandKit): Map<string, FieldError> {
  const errors = new Map<string, FieldError>();
  const name = length(kit.name);
  if (name < 1 || name > 40) errors.set('name', { key: 'brand.error.name' });
  const colours = kit.colours;
  for (const field of ['primary', 'accent', 'surface', 'text'] as const)
    if (!HEX.test(colours[field])) errors.set(`colours.${field}`, { key: 'brand.error.hex' });
  for (const [fore, back] of CONTRAST_PAIRS) {
    if (!HEX.test(colours[fore]) || !HEX.test(colours[back]) || errors.has(`colours.${fore}`)) continue;
    const ratio = contrastRatio(colours[fore], colours[back]);
    if (ratio < MIN_CONTRAST)
      errors.set(`colours.${fore}`, {
        key: 'brand.error.contrast',
        vars: { pair: back, ratio: ratio.toFixed(2) },
      });
  }
  checkText(errors, 'welcome', kit.welcome, 280);
  for (const place of SIGN_PLACES) checkText(errors, `signage.${place}`, kit.signage[place], 24);
  kit.boardLines.forEach((line, index) => {
    checkText(errors, `boardLines.${index}`, line, 32);
  });
  return errors;
}
