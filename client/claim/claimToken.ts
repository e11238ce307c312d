/** Where a gift link's token waits while its opener signs in (this tab only; gone once claimed or dismissed). */
const KEY = 'layover.claim';
const TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

/**
 * The gift link's token: taken from `?claim=` once (and out of the address bar, so a reload or a screenshot does not
 * show it), else the one this tab kept; null when there is none or it is not a token's shape.
 */
export function takeClaimToken(): string | null {
  const url = new URL(globalThis.location.href);
  const fromUrl = url.searchParams.get('claim');
  if (fromUrl !== null) {
    url.searchParams.delete('claim');
    globalThis.history.replaceState(globalThis.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    if (TOKEN.test(fromUrl)) {
      sessionStorage.setItem(KEY, fromUrl);
      return fromUrl;
    }
    sessionStorage.removeItem(KEY);
    return null;
  }
  const kept = sessionStorage.getItem(KEY);
  return kept && TOKEN.test(kept) ? kept : null;
}

/** The link was claimed or dismissed: forget it. */
export function forgetClaimToken(): void {
  sessionStorage.removeItem(KEY);
}
