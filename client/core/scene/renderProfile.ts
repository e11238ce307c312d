/** How much rendering this device can afford; decided once, before the WebGL context is created. */
export interface RenderProfile {
  /** A CPU rasteriser (SwiftShader, llvmpipe): no MSAA, shadows or environment lighting, half resolution. */
  software: boolean;
}

let cached: RenderProfile | null = null;

/** Asks a throwaway WebGL context which renderer backs it. */
export function renderProfile(): RenderProfile {
  if (cached) return cached;
  let software = false;
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    const renderer = gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    software = /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    software = false;
  }
  cached = { software };
  return cached;
}
