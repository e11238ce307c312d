/** Draw calls and triangles of a scene's last frame; the lounge adds its textures' count and GPU bytes. */
export interface RendererInfo {
  calls: number;
  triangles: number;
  textures?: number;
  textureBytes?: number;
}

let readRenderer: (() => RendererInfo) | null = null;
let readGameRenderer: (() => RendererInfo) | null = null;

/** The lounge canvas registers how to read its frame stats; the test hooks read them on demand. */
export function registerRendererInfo(reader: (() => RendererInfo) | null): void {
  readRenderer = reader;
}

/** The game canvas's counterpart of registerRendererInfo. */
export function registerGameRendererInfo(reader: (() => RendererInfo) | null): void {
  readGameRenderer = reader;
}

/** The last frame's stats of the lounge canvas, or null when none is on screen. */
export function lastRendererInfo(): RendererInfo | null {
  return readRenderer?.() ?? null;
}

/** The last frame's stats of the game canvas, or null when none is on screen. */
export function lastGameRendererInfo(): RendererInfo | null {
  return readGameRenderer?.() ?? null;
}
