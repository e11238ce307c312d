import { testHooksEnabled } from './testHooksTag.ts';

/** Loads and installs window.__layover on pages served for tests; a production page never even fetches that code. */
export function loadTestHooks(page: Pick<Document, 'querySelector'> = document): Promise<void> {
  if (!testHooksEnabled(page)) return Promise.resolve();
  return import('./testHooks.ts').then(({ installTestHooks }) => installTestHooks(page));
}
