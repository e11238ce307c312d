import { CanvasTexture, LinearFilter, SRGBColorSpace } from 'three';
import { FONT_BOLD_URL } from './font.ts';

/** Tag slots in the atlas: 5 columns of 384 x 64 px (name, then status level) on a 2048 x 2048 canvas. */
const SLOT_W = 384;
const SLOT_H = 64;
const NAME_H = 40;
const STATUS_H = 20;
const COLUMNS = 5;
const ROWS = 32;
export const TAG_CAPACITY = COLUMNS * ROWS;
export const ATLAS_W = 2048;
export const ATLAS_H = ROWS * SLOT_H;
/** World size of a tag quad; matches the slot's 6:1 aspect. */
export const TAG_WORLD_W = 2.4;
export const TAG_WORLD_H = TAG_WORLD_W * (SLOT_H / SLOT_W);

const FAMILY =
  '"Layover Sans", system-ui, -apple-system, "Segoe UI", "Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", "Noto Sans CJK SC", "PingFang SC", sans-serif';

export interface NameTagAtlas {
  texture: CanvasTexture;
  /** Draws (or redraws) a member's tag, with their status level under the name; -1 when the atlas is full. */
  draw: (sessionId: string, name: string, status: string, highlight: boolean) => number;
  /** Frees the slots of everyone not in `present`. */
  retain: (present: ReadonlySet<string>) => void;
  slotOf: (sessionId: string) => number | undefined;
  /** UV rectangle of a slot: u, v (bottom-left), width, height. */
  tile: (slot: number, out: Float32Array, offset: number) => void;
}

let fontLoading: Promise<void> | null = null;

/** Registers DejaVu Sans Bold from our own assets for canvas text; CJK and other scripts fall back to system fonts. */
export function loadTagFont(): Promise<void> {
  fontLoading ??= (async () => {
    if (typeof FontFace === 'undefined' || !document.fonts) return;
    const face = new FontFace('Layover Sans', `url(${FONT_BOLD_URL})`);
    document.fonts.add(await face.load());
  })().catch(() => undefined);
  return fontLoading;
}

/** Shrinks the font, then trims the text with an ellipsis, until it fits `maxWidth`. */
function fitText(
  context: CanvasRenderingContext2D,
  text: string,
  size: number,
  min: number,
  maxWidth: number,
) {
  context.font = `600 ${size}px ${FAMILY}`;
  while (context.measureText(text).width > maxWidth && size > min) {
    size -= 1;
    context.font = `600 ${size}px ${FAMILY}`;
  }
  let fitted = text;
  while (context.measureText(fitted).width > maxWidth && fitted.length > 1)
    fitted = `${fitted.slice(0, -2)}…`;
  return fitted;
}

function roundRect(context: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  context.beginPath();
  context.roundRect(x, y, w, h, r);
  context.fill();
}

export function createNameTagAtlas(): NameTagAtlas {
  const canvas = document.createElement('canvas');
  canvas.width = ATLAS_W;
  canvas.height = ATLAS_H;
  const context2d = canvas.getContext('2d');
  if (!context2d) throw new Error('Layover: 2D canvas unavailable for name tags');
  const context: CanvasRenderingContext2D = context2d;
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.minFilter = LinearFilter;
  texture.generateMipmaps = false;
  const slots = new Map<string, number>();
  const free: number[] = Array.from({ length: TAG_CAPACITY }, (_, i) => TAG_CAPACITY - 1 - i);

  function paint(slot: number, name: string, status: string, highlight: boolean) {
    const x = (slot % COLUMNS) * SLOT_W;
    const y = Math.floor(slot / COLUMNS) * SLOT_H;
    context.clearRect(x, y, SLOT_W, SLOT_H);
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    const text = fitText(context, name, 28, 15, SLOT_W - 36);
    const width = Math.min(SLOT_W - 4, context.measureText(text).width + 32);
    context.fillStyle = highlight ? 'rgba(201, 161, 90, 0.95)' : 'rgba(24, 28, 38, 0.72)';
    roundRect(context, x + (SLOT_W - width) / 2, y + 2, width, NAME_H - 4, (NAME_H - 4) / 2);
    context.fillStyle = highlight ? '#1d1a14' : '#ffffff';
    context.fillText(text, x + SLOT_W / 2, y + NAME_H / 2 + 1);
    if (status) {
      const level = fitText(context, status, 15, 11, SLOT_W - 120);
      const levelWidth = context.measureText(level).width + 18;
      context.fillStyle = 'rgba(24, 28, 38, 0.8)';
      roundRect(context, x + (SLOT_W - levelWidth) / 2, y + NAME_H, levelWidth, STATUS_H, STATUS_H / 2);
      context.fillStyle = '#f3d08a';
      context.fillText(level, x + SLOT_W / 2, y + NAME_H + STATUS_H / 2 + 1);
    }
    texture.needsUpdate = true;
  }

  return {
    texture,
    draw(sessionId, name, status, highlight) {
      let slot = slots.get(sessionId);
      if (slot === undefined) {
        slot = free.pop();
        if (slot === undefined) return -1;
        slots.set(sessionId, slot);
      }
      paint(slot, name, status, highlight);
      return slot;
    },
    retain(present) {
      for (const [sessionId, slot] of slots) {
        if (present.has(sessionId)) continue;
        slots.delete(sessionId);
        free.push(slot);
      }
    },
    slotOf: (sessionId) => slots.get(sessionId),
    tile(slot, out, offset) {
      out[offset] = ((slot % COLUMNS) * SLOT_W) / ATLAS_W;
      out[offset + 1] = 1 - ((Math.floor(slot / COLUMNS) + 1) * SLOT_H) / ATLAS_H;
      out[offset + 2] = SLOT_W / ATLAS_W;
      out[offset + 3] = SLOT_H / ATLAS_H;
    },
  };
}
