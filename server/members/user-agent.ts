/**
 * "Your devices" names each signed-in browser by its browser and system ("Chrome on Windows", "Safari on iPhone"),
 * read from the User-Agent stored when it signed in. Deliberately small: a handful of families in a fixed order,
 * because browsers borrow each other's tokens (every Chromium says "Safari", every iPhone says "Mac OS X", every
 * Android says "Linux"). Anything unrecognised is "Browser"; the raw header is never shown.
 */

/** Browser families, most specific first: Edge, Opera and Samsung Internet all also say "Chrome" and "Safari". */
const BROWSERS: readonly [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\b(?:OPR|Opera|OPT|OPiOS)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/\b(?:HeadlessChrome|Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
  [/\b(?:iPhone|iPad|Macintosh)\b.*\bAppleWebKit\//, 'Safari'],
];

/** Systems, most specific first: iPhones and iPads also say "Mac OS X", Android also says "Linux". */
const SYSTEMS: readonly [RegExp, string][] = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bAndroid\b/, 'Android'],
  [/\bWindows\b/, 'Windows'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\b(?:Macintosh|Mac OS X)\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

const first = (rules: readonly [RegExp, string][], ua: string) =>
  rules.find(([pattern]) => pattern.test(ua))?.[1];

/** A short browser description from a User-Agent header: "Firefox on Linux", "Chrome", or "Browser". */
export function describeUserAgent(userAgent: string | null | undefined): string {
  const ua = (userAgent ?? '').slice(0, 512);
  const browser = first(BROWSERS, ua);
  const system = first(SYSTEMS, ua);
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? (system ? `Browser on ${system}` : 'Browser');
}
