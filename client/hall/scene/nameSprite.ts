import { CanvasTexture, LinearFilter, SRGBColorSpace } from 'three';

const W = 512;
const H = 128;
const FAMILY =
  '"Layover Sans", system-ui, "Segoe UI", "Noto Sans CJK TC", "PingFang TC", "Noto Sans CJK SC", "PingFang SC", sans-serif';

/** A small canvas label (name over a role line), so any script shows; redrawn only when the text changes. */
export function createNameLabel(): { texture: CanvasTexture; draw: (name: string, role: string) => void } {
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.minFilter = LinearFilter;
  texture.generateMipmaps = false;
  const draw = (name: string, role: string) => {
    const context = canvas.getContext('2d');
    if (!context) return;
    context.clearRect(0, 0, W, H);
    context.fillStyle = 'rgba(20, 26, 34, 0.82)';
    context.beginPath();
    context.roundRect(8, 8, W - 16, H - 16, 28);
    context.fill();
    context.strokeStyle = '#f3d08a';
    context.lineWidth = 4;
    context.stroke();
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillStyle = '#f3d08a';
    context.font = `700 24px ${FAMILY}`;
    context.fillText(role, W / 2, 38, W - 48);
    context.fillStyle = '#ffffff';
    context.font = `700 44px ${FAMILY}`;
    context.fillText(name, W / 2, 82, W - 48);
    texture.needsUpdate = true;
  };
  return { texture, draw };
}
