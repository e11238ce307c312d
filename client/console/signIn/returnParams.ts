/**
 * What the brand's login left in the console's address when it sent the browser back: `?signedIn=oidc` (the refresh
 * cookie is set: restore the session through it) or `?signInError=<code>`. The query is then removed from the
 * address bar so a reload or a bookmark does not repeat it.
 */
export interface SignInReturn {
  signedIn: boolean;
  /** An error code to show (only word characters; anything else is ignored). */
  error: string | null;
  /** The address without those parameters (other parameters and the hash kept). */
  cleanUrl: string | null;
}

export function readSignInReturn(href: string): SignInReturn {
  const url = new URL(href);
  const signedIn = url.searchParams.get('signedIn') !== null;
  const raw = url.searchParams.get('signInError');
  const error = raw && /^\w{1,40}$/.test(raw) ? raw : null;
  if (!signedIn && raw === null) return { signedIn, error, cleanUrl: null };
  url.searchParams.delete('signedIn');
  url.searchParams.delete('signInError');
  return { signedIn, error, cleanUrl: `${url.pathname}${url.search}${url.hash}` };
}
