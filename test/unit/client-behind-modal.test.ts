import { afterEach, describe, expect, it } from 'vitest';
import { behindModal } from '../../client/core/input/keyboard.ts';

// The lounge's keys (walk, E, emotes, push-to-talk) check behindModal() first: while any element with
// aria-modal="true" is on the page (the wallet panel, a merge offer, a game), they do nothing behind it.
const realDocument = (globalThis as { document?: unknown }).document;

afterEach(() => {
  (globalThis as { document?: unknown }).document = realDocument;
});

function pageWith(modal: boolean): void {
  (globalThis as { document?: unknown }).document = {
    querySelector: (selector: string) => (selector === '[aria-modal="true"]' && modal ? {} : null),
  };
}

describe('behindModal', () => {
  it('is true only while a modal dialog is on the page', () => {
    pageWith(true);
    expect(behindModal()).toBe(true);
    pageWith(false);
    expect(behindModal()).toBe(false);
  });

  it('is false where there is no document (server rendering)', () => {
    (globalThis as { document?: unknown }).document = undefined;
    expect(behindModal()).toBe(false);
  });
});
