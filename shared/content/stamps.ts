import { parseItems, Stamp } from './quest-schema.ts';

/** Passport stamps; each is also a soulbound token (`tokenId`) in the Stamps contract. */
export const stamps: readonly Stamp[] = parseItems('shared/content/stamps.ts', 'stamp', Stamp, [
  {
    id: 'first-visit',
    tokenId: 1,
    name: { en: 'First Visit', 'zh-Hant': '初次到訪', 'zh-Hans': '初次到访', vi: 'Lần đầu ghé thăm' },
    art: 'stamps/first-visit.svg',
  },
  {
    id: 'frequent-flyer',
    tokenId: 2,
    name: { en: 'Frequent Flyer', 'zh-Hant': '常客飛行', 'zh-Hans': '常旅客', vi: 'Khách bay thường xuyên' },
    art: 'stamps/frequent-flyer.svg',
  },
  {
    id: 'winter-lights',
    tokenId: 3,
    name: { en: 'Winter Lights', 'zh-Hant': '冬日燈光', 'zh-Hans': '冬日灯光', vi: 'Ánh đèn mùa đông' },
    art: 'stamps/winter-lights.svg',
  },
  {
    id: 'partner-lounge',
    tokenId: 4,
    name: {
      en: 'Partner Lounge',
      'zh-Hant': '合作夥伴貴賓室',
      'zh-Hans': '合作伙伴贵宾室',
      vi: 'Phòng chờ đối tác',
    },
    art: 'stamps/partner-lounge.svg',
  },
  {
    id: 'collector',
    tokenId: 5,
    name: { en: 'Collector', 'zh-Hant': '收藏家', 'zh-Hans': '收藏家', vi: 'Nhà sưu tầm' },
    art: 'stamps/collector.svg',
  },
  {
    id: 'live-event',
    tokenId: 6,
    name: { en: 'Live Event', 'zh-Hant': '現場活動', 'zh-Hans': '现场活动', vi: 'Sự kiện trực tiếp' },
    art: 'stamps/live-event.svg',
  },
]);
