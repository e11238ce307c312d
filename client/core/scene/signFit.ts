/** Width in pixels of `text` drawn at `fontPx` (a canvas's measureText, or a stand-in in tests). */
export type MeasureText = (text: string, fontPx: number) => number;

export interface FitTextOptions {
  /** The box the text must fit, in canvas pixels. */
  width: number;
  height: number;
  /** The largest font to use, in pixels, however much room there is. */
  maxFontPx: number;
  /** Line advance as a multiple of the font size. */
  lineHeight?: number;
  /** A single line may be broken in two when that lets it be drawn larger; text with '\n' keeps its own lines. */
  wrap?: boolean;
}

export interface FittedText {
  lines: string[];
  fontPx: number;
}

const REFERENCE_PX = 100;

/** The largest font at which every line fits the box, side by side and stacked. */
function fontFor(lines: readonly string[], measure: MeasureText, options: Required<FitTextOptions>): number {
  let font = Math.min(options.maxFontPx, options.height / (lines.length * options.lineHeight));
  for (const line of lines) {
    const width = measure(line, REFERENCE_PX);
    if (width > 0) font = Math.min(font, (options.width * REFERENCE_PX) / width);
  }
  return font;
}

/** The break into two lines whose wider line is narrowest: at spaces, or between any characters when there are none. */
function twoLines(text: string, measure: MeasureText): string[] | null {
  const words = text.split(' ').filter(Boolean);
  const parts = words.length > 1 ? words : [...text];
  if (parts.length < 2) return null;
  const glue = words.length > 1 ? ' ' : '';
  let best: string[] | null = null;
  let bestWidth = Number.POSITIVE_INFINITY;
  for (let at = 1; at < parts.length; at++) {
    const lines = [parts.slice(0, at).join(glue), parts.slice(at).join(glue)];
    const width = Math.max(...lines.map((line) => measure(line, REFERENCE_PX)));
    if (width < bestWidth) {
      best = lines;
      bestWidth = width;
    }
  }
  return best;
}

/** Lays `text` out to fill a sign: as large as the box allows (up to maxFontPx), on two lines where that is larger. */
export function fitText(text: string, measure: MeasureText, options: FitTextOptions): FittedText {
  const full: Required<FitTextOptions> = { lineHeight: 1.2, wrap: true, ...options };
  const given = text.split('\n').map((line) => line.trim());
  const single: FittedText = { lines: given, fontPx: fontFor(given, measure, full) };
  if (!full.wrap || given.length > 1) return single;
  const split = twoLines(given[0] ?? '', measure);
  if (!split) return single;
  const wrapped: FittedText = { lines: split, fontPx: fontFor(split, measure, full) };
  // Two lines only when clearly larger: a short sign reads better on one.
  return wrapped.fontPx > single.fontPx * 1.15 ? wrapped : single;
}

/** Canvas pixels per metre of sign at a device pixel ratio of 1. */
export const SIGN_PX_PER_METRE = 256;
/** No sign's canvas side grows past this, whatever the screen: GPU memory stays small. */
export const SIGN_MAX_PX = 2048;

/** The canvas for a sign of `width` x `height` metres: sharper on high-density screens, up to 2x and SIGN_MAX_PX. */
export function signCanvasSize(width: number, height: number, devicePixelRatio: number) {
  const ratio = Math.min(Math.max(devicePixelRatio, 1), 2);
  let scale = SIGN_PX_PER_METRE * ratio;
  scale = Math.min(scale, SIGN_MAX_PX / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Han fonts in the reader's script first, so a shared character takes its Traditional or Simplified form. */
const HAN_FONTS: Record<string, string> = {
  'zh-Hans': '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK TC", "PingFang TC"',
  default: '"Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", "Noto Sans CJK SC", "PingFang SC"',
};

/**
 * The CSS font for a sign: Latin and Vietnamese in the lounge's DejaVu Sans Bold (`Layover Sans`, which the name tags
 * already load) or the system's DejaVu or Noto Sans, then Han in the reader's script, then whatever the browser has.
 */
export function signFont(locale: string, fontPx: number, bold: boolean): string {
  const han = HAN_FONTS[locale] ?? HAN_FONTS.default;
  const size = Math.max(1, Math.floor(fontPx));
  const latin = bold ? '"Layover Sans", "DejaVu Sans", "Noto Sans"' : '"DejaVu Sans", "Noto Sans"';
  return `${bold ? 'bold' : 'normal'} ${size}px ${latin}, ${han}, system-ui, sans-serif`;
}
