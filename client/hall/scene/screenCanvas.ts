import type { ScreenContent } from '../screenContent.ts';

/** Canvas size of the big screen (its 9:4 aspect matches the screen mesh). */
export const SCREEN_PX = { w: 1152, h: 512 } as const;

const FAMILY =
  '"Layover Sans", system-ui, "Segoe UI", "Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", "Noto Sans CJK SC", "PingFang SC", sans-serif';
const PAD = 40;
const GOLD = '#f3d08a';
const INK = '#eef2f7';
const DIM = '#8fa0b5';
const GREEN = '#7ee08a';

/** Breaks text into at most `maxLines` lines that fit `width`, by words (or by characters for CJK). */
function wrap(context: CanvasRenderingContext2D, text: string, width: number, maxLines: number): string[] {
  const tokens = text.match(/[\u2E80-\u9FFF\uF900-\uFAFF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF]+|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const next = line + token;
    if (context.measureText(next.trimEnd()).width <= width || line.trim() === '') line = next;
    else {
      lines.push(line.trim());
      line = token.trimStart();
    }
  }
  if (line.trim()) lines.push(line.trim());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]?.slice(0, -1) ?? ''}…`;
  return kept;
}

function text(
  context: CanvasRenderingContext2D,
  value: string,
  x: number,
  y: number,
  size: number,
  color: string,
  weight = 600,
) {
  context.font = `${weight} ${size}px ${FAMILY}`;
  context.fillStyle = color;
  context.fillText(value, x, y);
}

/** The brand's art centred in the space under the title bar, scaled to fit without cropping. */
function drawArt(context: CanvasRenderingContext2D, art: HTMLImageElement, top: number): void {
  const { w, h } = SCREEN_PX;
  const room = { w: w - PAD * 2, h: h - top - PAD };
  const scale = Math.min(room.w / art.naturalWidth, room.h / art.naturalHeight);
  const drawn = { w: art.naturalWidth * scale, h: art.naturalHeight * scale };
  context.drawImage(art, (w - drawn.w) / 2, top + (room.h - drawn.h) / 2 + PAD / 2, drawn.w, drawn.h);
}

/**
 * Paints the whole screen: title bar, announcement, the poll with tally bars, and the drop line; while the stage is
 * idle, the brand's screen art (or logo) under the title.
 */
export function drawScreen(
  context: CanvasRenderingContext2D,
  content: ScreenContent,
  art: HTMLImageElement | null = null,
): void {
  const { w, h } = SCREEN_PX;
  const inner = w - PAD * 2;
  context.fillStyle = '#0b1220';
  context.fillRect(0, 0, w, h);
  context.fillStyle = '#16233a';
  context.fillRect(0, 0, w, 92);
  context.textBaseline = 'middle';
  context.font = `700 50px ${FAMILY}`;
  text(context, wrap(context, content.title, inner, 1)[0] ?? '', PAD, 48, 50, GOLD, 700);

  if (content.idle && art) drawArt(context, art, 92);
  let y = 134;
  if (content.announcement) {
    context.font = `600 34px ${FAMILY}`;
    for (const line of wrap(context, content.announcement, inner, 2)) {
      text(context, line, PAD, y, 34, INK);
      y += 44;
    }
    y += 6;
  }
  if (content.pollHeading) {
    text(context, content.pollHeading, PAD, y, 24, DIM, 700);
    y += 36;
    context.font = `600 30px ${FAMILY}`;
    text(context, wrap(context, content.pollQuestion, inner, 1)[0] ?? '', PAD, y, 30, INK);
    y += 42;
    const rowH = Math.min(40, (h - 70 - y) / Math.max(1, content.pollRows.length));
    for (const row of content.pollRows) {
      context.fillStyle = row.correct ? 'rgba(126,224,138,0.35)' : 'rgba(243,208,138,0.22)';
      context.fillRect(PAD, y - rowH / 2 + 3, (inner * row.share) / 100, rowH - 6);
      context.font = `600 26px ${FAMILY}`;
      text(
        context,
        wrap(context, row.label, inner - 200, 1)[0] ?? '',
        PAD + 10,
        y,
        26,
        row.correct ? GREEN : INK,
      );
      context.textAlign = 'right';
      text(context, `${row.count} · ${row.share}%`, w - PAD - 10, y, 26, INK);
      context.textAlign = 'left';
      y += rowH;
    }
  }
  if (content.dropLine) {
    context.fillStyle = content.dropOpen ? '#3a2a10' : '#1c2433';
    context.fillRect(0, h - 64, w, 64);
    context.font = `700 30px ${FAMILY}`;
    // The right end is left free for the countdown, drawn as 3D text over the screen.
    text(context, wrap(context, content.dropLine, inner - 180, 1)[0] ?? '', PAD, h - 32, 30, GOLD, 700);
  }
}

/** What the big screen's mesh draws now (read by the stage test hooks): the text canvas or a video texture. */
export const screenShows: { kind: 'text' | 'video'; video: HTMLVideoElement | null } = {
  kind: 'text',
  video: null,
};

/** Crops a video texture to fill the screen's 9:4 like CSS `object-fit: cover` (a 16:9 camera loses top and bottom). */
export function coverScreen(
  texture: {
    repeat: { set: (x: number, y: number) => void };
    offset: { set: (x: number, y: number) => void };
  },
  videoWidth: number,
  videoHeight: number,
): void {
  const screen = SCREEN_PX.w / SCREEN_PX.h;
  const video = videoWidth > 0 && videoHeight > 0 ? videoWidth / videoHeight : screen;
  const x = video > screen ? screen / video : 1;
  const y = video < screen ? video / screen : 1;
  texture.repeat.set(x, y);
  texture.offset.set((1 - x) / 2, (1 - y) / 2);
}
