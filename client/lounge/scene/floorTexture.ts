import { CanvasTexture, RepeatWrapping, SRGBColorSpace } from 'three';

/** Warm oak planks drawn on a canvas at load: no texture file to fetch. */
export function createPlankTexture(): CanvasTexture | null {
  if (typeof document === 'undefined') return null;
  const size = 512;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  if (!context) return null;
  const plankHeight = size / 8;
  const tones = ['#b88d62', '#ad8259', '#c29569', '#a97d55', '#b48a5f'];
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (let row = 0; row < 8; row++) {
    let x = -random() * 200;
    while (x < size) {
      const length = 180 + random() * 160;
      context.fillStyle = tones[Math.floor(random() * tones.length)] ?? '#b48a60';
      context.fillRect(x, row * plankHeight, length, plankHeight);
      // Grain: a few faint streaks along the plank.
      context.globalAlpha = 0.08;
      context.fillStyle = '#5a3b22';
      for (let streak = 0; streak < 5; streak++) {
        context.fillRect(x, row * plankHeight + random() * plankHeight, length, 1);
      }
      context.globalAlpha = 0.35;
      context.fillRect(x, row * plankHeight, 2, plankHeight);
      context.globalAlpha = 1;
      x += length;
    }
    context.fillStyle = 'rgba(60, 38, 20, 0.45)';
    context.fillRect(0, row * plankHeight, size, 2);
  }
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.wrapS = RepeatWrapping;
  texture.wrapT = RepeatWrapping;
  texture.anisotropy = 4;
  return texture;
}
