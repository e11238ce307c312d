import { afterEach, describe, expect, it, vi } from 'vitest';
import { installTestHooks } from '../../client/core/testHooks.ts';
import { loadTestHooks } from '../../client/core/testHooksGate.ts';
import { TEST_HOOKS_META, testHooksEnabled } from '../../client/core/testHooksTag.ts';

/** A page whose only element is the test-hooks tag, when `on`. */
function page(on: boolean): Pick<Document, 'querySelector'> {
  return {
    querySelector: (selector: string) => (on && selector === TEST_HOOKS_META ? ({} as Element) : null),
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('window.__layover', () => {
  it('stays off on a page without the test-hooks tag (a production page)', () => {
    const window = {} as Window;
    vi.stubGlobal('window', window);
    expect(testHooksEnabled(page(false))).toBe(false);
    installTestHooks(page(false));
    expect(window.__layover).toBeUndefined();
  });

  it('is installed when the server marked the page for tests', () => {
    const window = {} as Window;
    vi.stubGlobal('window', window);
    installTestHooks(page(true));
    expect(window.__layover?.getState().status).toBe('signedOut');
    expect(window.__layover?.room()).toBeNull();
  });

  it('is loaded on demand only for a marked page', async () => {
    const window = {} as Window;
    vi.stubGlobal('window', window);
    await loadTestHooks(page(false));
    expect(window.__layover).toBeUndefined();
    await loadTestHooks(page(true));
    expect(window.__layover?.self()).toBeNull();
  });

  it('reads the tag by name and content', () => {
    expect(TEST_HOOKS_META).toBe('meta[name="layover-test-hooks"][content="on"]');
  });
});
