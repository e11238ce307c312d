// Plain functions with no zod import, so the client's entry chunk can share them with the server's schemas.

/**
 * Letters that look like Latin ones, folded to the Latin letter they pass for (Cyrillic, Greek, digits, symbols).
 * A small, hand-picked part of Unicode's confusables.txt: the ones that spell staff words in common fonts.
 */
/** Greek capitals that are Latin capitals on screen, though their small letters differ (Η is H, η is not n). */
const CAPITAL_LOOKALIKES = new Map(pairs('ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ', 'ABEZHIKMNOPTYX'));

const LOOKALIKES = new Map([
  ...pairs('авекмнорстухһіјԁԛԝѕӏոօ', 'abekmhopctyxhljdqwslno'),
  ...pairs('αβεηικμνορτυχω', 'abenlkuvoptuxw'),
  ...pairs('0123456789$@|!iı', 'olzeastbbgsallll'),
]);

function pairs(from: string, to: string): [string, string][] {
  return [...from].map((char, at) => [char, to[at] ?? char]);
}

/**
 * The "skeleton" of a word: lower case, accents dropped, look-alike letters folded to the Latin ones and "rn"
 * read as "m", so words that look the same on screen compare equal ("Stаff" with a Cyrillic а, "H0ST", "Âdmin").
 */
export function skeleton(word: string): string {
  const capitals = [...word.normalize('NFKD').replace(/\p{M}/gu, '')].map(
    (char) => CAPITAL_LOOKALIKES.get(char) ?? char,
  );
  const folded = [...capitals.join('').toLowerCase()].map((char) => LOOKALIKES.get(char) ?? char).join('');
  return folded
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(/[^\p{L}\p{N}]/gu, '');
}
