import { configureTextBuilder } from 'troika-three-text';
import { CJK_FONTS_URL } from './cjkFonts.ts';

// Troika lays text out in a worker made from blob: URLs, and that worker loads its own modules with importScripts on
// more blob: URLs. The pages' Content-Security-Policy (server/http/security-headers.ts) keeps `script-src` to the
// lounge's own scripts, so inside the worker those loads fail, troika's font requests never settle, and every drei
// <Text> (and the scenery that waits on the board's font) stays suspended: an empty lounge. Layout runs on the main
// thread instead: a few dozen labels, laid out once each. Imported before any <Text> renders (the scene modules).
// Characters no DejaVu face holds come from our own CJK pieces, never troika's default CDN (unreachable, and CSP).
configureTextBuilder({ useWorker: false, unicodeFontsURL: CJK_FONTS_URL });
