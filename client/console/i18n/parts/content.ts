import type { CataloguePart } from './part.ts';

const en = {} as const;

/** The console's content messages (issue 20), spread into every locale's catalogue. */
export const contentMessages: CataloguePart<typeof en> = { en, 'zh-Hant': {}, 'zh-Hans': {}, vi: {} };
