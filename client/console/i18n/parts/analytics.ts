import type { CataloguePart } from './part.ts';

const en = {} as const;

/** The console's analytics messages (issue 20), spread into every locale's catalogue. */
export const analyticsMessages: CataloguePart<typeof en> = { en, 'zh-Hant': {}, 'zh-Hans': {}, vi: {} };
