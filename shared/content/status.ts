import { parseItems, StatusLevel } from './quest-schema.ts';

/** Status levels by stamps collected; the highest level reached shows on the member's name tag. */
export const statusLevels: readonly StatusLevel[] = parseItems(
  'shared/content/status.ts',
  'status level',
  StatusLevel,
  [
    // Not "Guest": that is a sign-in kind, and a wallet or Gold Pass holder starts at this level too (issue 21).
    {
      id: 'guest',
      minStamps: 0,
      name: { en: 'Traveller', 'zh-Hant': '旅人', 'zh-Hans': '旅人', vi: 'Người lữ hành' },
    },
    {
      id: 'explorer',
      minStamps: 1,
      name: { en: 'Explorer', 'zh-Hant': '探索者', 'zh-Hans': '探索者', vi: 'Nhà thám hiểm' },
    },
    {
      id: 'frequent-flyer',
      minStamps: 3,
      minQualifyingPoints: 5_000,
      name: { en: 'Frequent Flyer', 'zh-Hant': '常客', 'zh-Hans': '常旅客', vi: 'Khách bay thường xuyên' },
    },
    {
      id: 'jetsetter',
      minStamps: 6,
      minQualifyingPoints: 20_000,
      opensRooms: ['vip'],
      name: { en: 'Jetsetter', 'zh-Hant': '環球旅人', 'zh-Hans': '环球旅人', vi: 'Người du hành' },
    },
  ],
);
