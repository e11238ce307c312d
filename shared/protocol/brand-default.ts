import { BrandKit } from './brand.ts';

const sign = (en: string, zhHant: string, zhHans: string, vi: string) => ({
  en,
  'zh-Hant': zhHant,
  'zh-Hans': zhHans,
  vi,
});

/**
 * Today's look as a kit: what a new brand starts from, what tests publish over, and what the client shows when the
 * brand API does not answer. No board lines: the board keeps its built-in flights until a brand writes its own.
 */
export const DEFAULT_BRAND_KIT: BrandKit = BrandKit.parse({
  name: 'Layover Lounge',
  colours: { primary: '#c9a15a', accent: '#1f4b49', surface: '#fffaf2', text: '#1f2328' },
  font: 'system',
  boardLines: [],
  signage: {
    vip: sign('VIP LOUNGE', '貴賓室', '贵宾室', 'PHÒNG VIP'),
    arcade: sign('ARCADE', '遊戲區', '游戏区', 'KHU TRÒ CHƠI'),
    bar: sign('BAR', '酒吧', '酒吧', 'QUẦY BAR'),
    stage: sign('STAGE', '舞台', '舞台', 'SÂN KHẤU'),
    suite: sign('PARTNER SUITE', '合作夥伴套房', '合作伙伴套房', 'PHÒNG ĐỐI TÁC'),
  },
  welcome: sign(
    'Welcome to the Layover Lounge',
    '歡迎來到 Layover 貴賓室',
    '欢迎来到 Layover 贵宾室',
    'Chào mừng đến Phòng chờ Layover',
  ),
});
