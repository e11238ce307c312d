import { CanvasTexture, SRGBColorSpace } from 'three';
import { EMOTES, type Emote } from '../../../../shared/protocol/lounge-messages.ts';
import { EMOTE_GLYPHS } from '../../emotes.ts';

const TILE = 128;
const RING: Record<Emote, string> = { wave: '#f5c26b', clap: '#8fd3c7', cheer: '#f29bb6' };
const EMOJI_FONT = '"Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", "Twemoji Mozilla", sans-serif';

export interface EmoteAtlas {
  texture: CanvasTexture;
  /** Writes the UV tile (u, v, width, height) of an emote; false for an unknown emote. */
  tile: (emote: string, out: Float32Array, offset: number) => boolean;
}

/** Draws the three emotes into one small texture: a white badge with a coloured ring and the emoji. */
export function createEmoteAtlas(): EmoteAtlas {
  const canvas = document.createElement('canvas');
  canvas.width = TILE * EMOTES.length;
  canvas.height = TILE;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('Layover: 2D canvas unavailable for emotes');
  EMOTES.forEach((emote, index) => {
    const cx = index * TILE + TILE / 2;
    const cy = TILE / 2;
    context.fillStyle = 'rgba(0, 0, 0, 0.18)';
    context.beginPath();
    context.arc(cx, cy + 4, TILE / 2 - 8, 0, Math.PI * 2);
    context.fill();
    context.fillStyle = '#fffaf0';
    context.beginPath();
    context.arc(cx, cy, TILE / 2 - 8, 0, Math.PI * 2);
    context.fill();
    context.lineWidth = 6;
    context.strokeStyle = RING[emote];
    context.stroke();
    context.font = `64px ${EMOJI_FONT}`;
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillStyle = '#2a2d33';
    context.fillText(EMOTE_GLYPHS[emote], cx, cy + 4);
  });
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  const index = new Map<string, number>(EMOTES.map((emote, i) => [emote, i]));
  return {
    texture,
    tile(emote, out, offset) {
      const i = index.get(emote);
      if (i === undefined) return false;
      out[offset] = i / EMOTES.length;
      out[offset + 1] = 0;
      out[offset + 2] = 1 / EMOTES.length;
      out[offset + 3] = 1;
      return true;
    },
  };
}
