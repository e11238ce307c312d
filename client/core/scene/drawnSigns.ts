/** What a sign drew last: its words and the size it fitted them at. */
export interface DrawnSign {
  text: string;
  lines: string[];
  fontPx: number;
  canvas: { width: number; height: number };
  /** Drawn after the lounge's own bold face (Layover Sans) loaded: Latin letters in DejaVu Sans Bold. */
  loungeFace: boolean;
}

const drawn = new Map<string, DrawnSign>();

/** Records what the named sign shows now (SignText calls this after drawing). */
export function recordSign(name: string, sign: DrawnSign): void {
  drawn.set(name, sign);
}

/** Forgets a sign that left the scene, unless another has drawn under the same name since. */
export function forgetSign(name: string, sign: DrawnSign): void {
  if (drawn.get(name) === sign) drawn.delete(name);
}

/** Every named sign on screen and what it says (window.__layover.signs() on test pages). */
export function drawnSigns(): Record<string, DrawnSign> {
  return Object.fromEntries(drawn);
}
