import { afterEach, describe, expect, it, vi } from 'vitest';
import { installTestHooks, TEST_HOOKS_META, testHooksEnabled } from '../../client/core/testHooks.ts';

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

  it('reads the tag by name and content', () => {
    expect(TEST_HOOKS_META).toBe('meta[name="layover-test-hooks"][content="on"]');
  });
});
