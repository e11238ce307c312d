/** The page's switch for the hooks: the server adds this tag only when it was started with TEST_HOOKS=on. */
export const TEST_HOOKS_META = 'meta[name="layover-test-hooks"][content="on"]';

/** True when the page carries the test-hooks tag; a production page has none, so its hooks (and token) stay hidden. */
export function testHooksEnabled(page: Pick<Document, 'querySelector'> = document): boolean {
  return page.querySelector(TEST_HOOKS_META) !== null;
}
