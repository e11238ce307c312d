import type { ContentKind } from '../../../shared/protocol/live-events.ts';
import type { ConsoleKey } from '../i18n/en.ts';
import { CONSOLE_LOCALES, LOCALE_NAMES, type Vars } from '../i18n/translate.ts';
import { getIn, type Path } from './paths.ts';

/** One form field over a path of the item; the JSON editor covers everything else. */
export interface SimpleField {
  path: Path;
  type: 'text' | 'number' | 'boolean';
  label: ConsoleKey;
  vars?: Vars;
}

const localized = (name: 'title' | 'description' | 'name' | 'perk'): SimpleField[] =>
  CONSOLE_LOCALES.map((locale) => ({
    path: [name, locale],
    type: 'text',
    label: `content.field.${name}`,
    vars: { locale: LOCALE_NAMES[locale] },
  }));

/** The fields a brand edits most: names and texts per language, and the numbers. */
export function simpleFields(kind: ContentKind, body: unknown): SimpleField[] {
  if (kind === 'quest')
    return [
      ...localized('title'),
      ...localized('description'),
      { path: ['rewards', 'points'], type: 'number', label: 'content.field.points' },
    ];
  if (kind === 'prize')
    return [
      ...localized('name'),
      ...localized('perk'),
      { path: ['maxSupply'], type: 'number', label: 'content.field.maxSupply' },
      { path: ['memberCap'], type: 'number', label: 'content.field.memberCap' },
      { path: ['soulbound'], type: 'boolean', label: 'content.field.soulbound' },
    ];
  return (['anyOf', 'allOf'] as const).flatMap((rule) => {
    const conditions = getIn(body, [rule]);
    if (!Array.isArray(conditions)) return [];
    return conditions.map(
      (_, index): SimpleField => ({
        path: [rule, index, 'minBalance'],
        type: 'number',
        label: 'content.field.minBalance',
        vars: { rule, n: index + 1 },
      }),
    );
  });
}

/** What a typed value becomes in the item: numbers when they parse, else the text (the schema then flags it). */
export function fieldValue(field: SimpleField, input: string | boolean): unknown {
  if (field.type === 'boolean') return Boolean(input);
  if (field.type === 'number') {
    const text = String(input).trim();
    const number = Number(text);
    return text !== '' && Number.isFinite(number) ? number : text;
  }
  return input;
}
