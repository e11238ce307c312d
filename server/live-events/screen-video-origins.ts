/**
 * The origins a host may stream HLS from besides the lounge itself: HLS_ORIGINS, comma-separated
 * ("https://cdn.brand.example,https://live.brand.example"). Read by the URL check and the pages' CSP alike, so a URL
 * the server accepts is one the browser may load.
 */
export function hlsOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  const origins: string[] = [];
  for (const part of (env.HLS_ORIGINS ?? '').split(',')) {
    const text = part.trim();
    if (!text) continue;
    try {
      const url = new URL(text);
      if (url.protocol === 'http:' || url.protocol === 'https:') origins.push(url.origin);
    } catch {
      // A malformed entry allows nothing; the others still count.
    }
  }
  return [...new Set(origins)];
}
