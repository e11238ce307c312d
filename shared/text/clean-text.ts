// Plain functions with no zod import, so the client's entry chunk can share them with the server's schemas.

/**
 * Characters that change how text around them is shown without being seen: bidi overrides, embeddings and isolates
 * (U+202A-202E, U+2066-2069), marks (U+200E/200F, U+061C), zero-width characters (U+200B-200D, U+2060-2064, U+FEFF),
 * the soft hyphen, tag characters (U+E0000-E007F), Hangul fillers: every default-ignorable code point but variation
 * selectors, and every format character (`\p{Cf}`). Lone surrogates go too: they cannot be stored or shown.
 */
const INVISIBLE = /(?!\p{Variation_Selector})\p{Default_Ignorable_Code_Point}|\p{Cf}|\p{Cs}/gu;

/** A variation selector that follows no character it could vary (start of text, a space, another selector). */
const LONE_VARIATION_SELECTOR = /(^|\s)\p{Variation_Selector}+/gu;

/** More than this many combining marks on one letter is "Zalgo" text that draws over the lines around it. */
const MAX_MARKS_PER_LETTER = 3;
const MARK_RUN = new RegExp(`(\\p{M}{${MAX_MARKS_PER_LETTER}})\\p{M}+`, 'gu');

/**
 * Text a member typed, made safe to show others: invisible and direction-changing characters removed, NFKC
 * normalised (full-width and compatibility forms folded; Vietnamese and CJK keep their letters), control characters
 * and runs of whitespace turned into one space, stacked marks capped, trimmed. May return an empty string.
 */
export function cleanText(raw: string): string {
  return raw
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[\p{Cc}\p{Z}\s]+/gu, ' ')
    .replace(LONE_VARIATION_SELECTOR, '$1')
    .replace(MARK_RUN, '$1')
    .trim();
}
