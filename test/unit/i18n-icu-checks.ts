import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../client/core/i18n/locales.ts';
import { compileMessage, type MessageVars } from '../../client/core/i18n/runtime.ts';

/** How a message uses one argument: plain text, a number, a plural or select, a date or time. */
type ArgumentKind = 'text' | 'number' | 'date' | 'time' | 'plural' | 'selectordinal' | 'select';

/** A message's arguments and the option keys of each plural in it, read with the runtime's own parser. */
export interface MessageShape {
  args: Record<string, ArgumentKind>;
  plurals: { arg: string; type: Intl.PluralRuleType; options: string[] }[];
}

function walk(elements: MessageFormatElement[], shape: MessageShape): void {
  for (const element of elements) {
    if (element.type === TYPE.argument) shape.args[element.value] = 'text';
    else if (element.type === TYPE.number) shape.args[element.value] = 'number';
    else if (element.type === TYPE.date) shape.args[element.value] = 'date';
    else if (element.type === TYPE.time) shape.args[element.value] = 'time';
    else if (element.type === TYPE.select || element.type === TYPE.plural) {
      const kind =
        element.type === TYPE.select
          ? 'select'
          : element.pluralType === 'ordinal'
            ? 'selectordinal'
            : 'plural';
      shape.args[element.value] = kind;
      if (element.type === TYPE.plural) {
        const type = element.pluralType ?? 'cardinal';
        shape.plurals.push({ arg: element.value, type, options: Object.keys(element.options) });
      }
      for (const option of Object.values(element.options)) walk(option.value, shape);
    }
  }
}

/** Parses a message as the runtime does (tags are text) and lists what it asks of its caller. */
export function shapeOf(message: string): MessageShape {
  const shape: MessageShape = { args: {}, plurals: [] };
  walk(parse(message, { ignoreTag: true }), shape);
  return shape;
}

const SAMPLE_MOMENT = new Date(Date.UTC(2026, 2, 12, 12, 0));

/** A value of the right kind for every argument, so a message can be formatted without its real caller. */
export function sampleVars(shape: MessageShape, count = 2): MessageVars {
  const vars: MessageVars = {};
  for (const [name, kind] of Object.entries(shape.args)) {
    if (kind === 'date' || kind === 'time') vars[name] = SAMPLE_MOMENT;
    else if (kind === 'text' || kind === 'select') vars[name] = `‹${name}›`;
    else vars[name] = count;
  }
  return vars;
}

const apostrophes = (text: string) => (text.match(/['’]/g) ?? []).length;

/**
 * The checks every catalogue set passes through the ICU runtime: each message parses, formats with values of the
 * right kinds (one and many), keeps its apostrophes, and gives each plural exactly the CLDR categories its locale
 * has (English one/other; Chinese and Vietnamese other only), beside any exact `=n` cases.
 */
export function describeIcuCatalogues(
  title: string,
  catalogues: Record<Locale, Record<string, string>>,
): void {
  describe(title, () => {
    it.each(LOCALES)('%s: every message parses and formats with its arguments', (locale) => {
      for (const [key, message] of Object.entries(catalogues[locale])) {
        const shape = shapeOf(message);
        for (const count of [1, 2, 1234]) {
          const out = compileMessage(message, locale).format<string>(sampleVars(shape, count));
          expect(typeof out, `${locale} ${key}`).toBe('string');
          for (const [name, kind] of Object.entries(shape.args)) {
            if (kind === 'text') expect(out, `${locale} ${key} shows {${name}}`).toContain(`‹${name}›`);
          }
          expect(out, `${locale} ${key} leaves no braces behind`).not.toMatch(/[{}]/);
        }
      }
    });

    it.each(LOCALES)('%s: apostrophes are text, never ICU quoting', (locale) => {
      for (const [key, message] of Object.entries(catalogues[locale])) {
        const out = compileMessage(message, locale).format<string>(sampleVars(shapeOf(message)));
        expect(apostrophes(String(out)), `${locale} ${key}`).toBe(apostrophes(message));
      }
    });

    it.each(LOCALES)('%s: plurals give exactly the CLDR categories of the language', (locale) => {
      for (const [key, message] of Object.entries(catalogues[locale])) {
        for (const plural of shapeOf(message).plurals) {
          const rules = new Intl.PluralRules(locale, { type: plural.type });
          const categories = rules.resolvedOptions().pluralCategories.slice().sort();
          const named = plural.options.filter((option) => !option.startsWith('=')).sort();
          expect(named, `${locale} ${key} {${plural.arg}, plural}`).toEqual(categories);
        }
      }
    });

    it.each(LOCALES)('%s: every argument has the name and kind it has in en', (locale) => {
      for (const [key, message] of Object.entries(catalogues.en)) {
        const translated = catalogues[locale][key] ?? '';
        expect(shapeOf(translated).args, `${locale} ${key}`).toEqual(shapeOf(message).args);
      }
    });
  });
}
