import type { ContentKind } from '../../../shared/protocol/content.ts';
import type { ConsoleKey } from '../i18n/en.ts';
import { CONSOLE_LOCALES, LOCALE_NAMES, type Vars } from '../i18n/translate.ts';
import { getIn, type Path } from './paths.ts';

/** One form field over a path of the item; the JSON editor covers everything else. */
export interface SimpleField {
  path: Path;
  type: 'text' | 'number' | 'boolean';
  label: ConsoleKey;
  vars?: Vars;
  /** Cleared, the field leaves the item (optional texts and numbers) instead of holding an empty value. */
  optional?: true;
  /** A prize rule the Prizes contract fixes when the prize is added: locked once the prize is published. */
  fixedOnChain?: true;
}

/** A localized text per language; `optionalBeyondEnglish` for trivia, where English stands in for the rest. */
const localized = (
  name: 'title' | 'description' | 'name' | 'perk',
  optionalBeyondEnglish = false,
): SimpleField[] =>
  CONSOLE_LOCALES.map((locale) => ({
    path: [name, locale],
    type: 'text',
    label: `content.field.${name}`,
    vars: { locale: LOCALE_NAMES[locale] },
    ...(optionalBeyondEnglish && locale !== 'en' ? { optional: true as const } : {}),
  }));

const number = (path: Path, label: ConsoleKey, extra: Partial<SimpleField> = {}): SimpleField => ({
  path,
  type: 'number',
  label,
  ...extra,
});

/** The fields a brand edits most: names and texts per language, and the numbers. */
export function simpleFields(kind: ContentKind, body: unknown): SimpleField[] {
  switch (kind) {
    case 'quest':
      return [
        ...localized('title'),
        ...localized('description'),
        number(['rewards', 'points'], 'content.field.points'),
      ];
    case 'prize':
      return [
        ...localized('name'),
        ...localized('perk'),
        number(['maxSupply'], 'content.field.maxSupply', { fixedOnChain: true }),
        number(['memberCap'], 'content.field.memberCap', { fixedOnChain: true }),
        { path: ['soulbound'], type: 'boolean', label: 'content.field.soulbound', fixedOnChain: true },
        { path: ['enabled'], type: 'boolean', label: 'content.field.enabled' },
      ];
    case 'stamp':
      return [
        ...localized('name'),
        number(['tokenId'], 'content.field.tokenId'),
        { path: ['art'], type: 'text', label: 'content.field.art' },
      ];
    case 'status':
      return [
        ...localized('name'),
        number(['minStamps'], 'content.field.minStamps'),
        number(['minQualifyingPoints'], 'content.field.minQualifyingPoints', { optional: true }),
      ];
    case 'trivia':
      return localized('name', true);
    case 'gate':
      return gateFields(body);
  }
}

function gateFields(body: unknown): SimpleField[] {
  return (['anyOf', 'allOf'] as const).flatMap((rule) => {
    const conditions = getIn(body, [rule]);
    if (!Array.isArray(conditions)) return [];
    return conditions.map((_, index) =>
      number([rule, index, 'minBalance'], 'content.field.minBalance', { vars: { rule, n: index + 1 } }),
    );
  });
}

/** What a typed value becomes in the item: numbers when they parse, else the text (the schema then flags it). */
export function fieldValue(field: SimpleField, input: string | boolean): unknown {
  if (field.type === 'boolean') return Boolean(input);
  const text = String(input);
  if (field.optional && text.trim() === '') return undefined;
  if (field.type === 'number') {
    const number = Number(text.trim());
    return text.trim() !== '' && Number.isFinite(number) ? number : text;
  }
  return text;
}

/** A boolean field absent from the item shows its schema default (a prize is offered unless retired). */
export const booleanDefault = (field: SimpleField) => field.path.join('.') === 'enabled';
