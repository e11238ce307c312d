import { routes } from '../../../shared/protocol/routes.ts';
import { useLayoverStore } from '../store.ts';
import { type ContentAnswer, conditionalHeaders, readContentAnswer } from './revalidate.ts';

/** GET /api/content (public): the published member-safe bundle, `ETag: "v<version>"`, 304 on If-None-Match. */
export const CONTENT_PATH = routes.content.path;

/** One request for the content, given the ETag in hand (the server in the page; a stand-in in unit tests). */
export type AskForContent = (etag: string | null) => Promise<ContentAnswer>;

let running: Promise<void> | null = null;
let again = false;

const askServer: AskForContent = async (etag) => {
  try {
    // no-store: the conditional request goes out as written and a 304 reaches us instead of the HTTP cache's copy.
    const response = await fetch(CONTENT_PATH, { headers: conditionalHeaders(etag), cache: 'no-store' });
    const body = response.status === 200 ? await response.json().catch(() => null) : null;
    return { status: response.status, etag: response.headers.get('etag'), body };
  } catch {
    return { status: 0, etag: null, body: null };
  }
};

async function loadOnce(ask: AskForContent): Promise<void> {
  const answer = await ask(useLayoverStore.getState().contentEtag);
  const store = useLayoverStore.getState();
  const outcome = readContentAnswer(answer, store.content);
  if (outcome.kind === 'replace') store.setContent(outcome.content, outcome.etag);
  else if (outcome.kind === 'unchanged') store.setContentStatus('ready');
  else {
    console.warn(`Layover: content did not load (${outcome.reason})`);
    // Content already in hand keeps working; only a lounge without any says so.
    if (!store.content) store.setContentStatus('failed');
  }
}

/** Loads or revalidates the content; a call during a load runs one more after it, so no publish is missed. */
export function refreshContent(ask: AskForContent = askServer): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  if (!useLayoverStore.getState().content) useLayoverStore.getState().setContentStatus('loading');
  running = (async () => {
    do {
      again = false;
      await loadOnce(ask);
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

const RETRIES_FOR_ANNOUNCED = 10;
const RETRY_DELAY_MS = 1000;

/**
 * Fetches until `version` is in hand: the notice can reach us before the process serving our HTTP request has
 * swapped to it (every process swaps within seconds), so a 304 for the old version is retried a few times.
 */
export async function refreshToVersion(version: number): Promise<void> {
  for (let attempt = 0; attempt < RETRIES_FOR_ANNOUNCED; attempt++) {
    await refreshContent();
    const held = useLayoverStore.getState().content?.version ?? -1;
    if (held >= version) return;
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
  }
}

let watching = false;

/** First load at page start, then a revalidation whenever the member comes back to the tab. */
export function startContent(): void {
  void refreshContent();
  if (watching || typeof window === 'undefined') return;
  watching = true;
  window.addEventListener('focus', () => void refreshContent());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void refreshContent();
  });
}
