import { z } from 'zod';
import { prizes } from './prizes.ts';
import { ContentError, Localized, parseItems } from './quest-schema.ts';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase-dashed id')
  .max(64);
const prizeIds = new Set(prizes.map((prize) => prize.id));

/** What buying an item gives: an on-chain prize, a one-time perk code, a raffle entry, or points sent to a partner. */
export const CatalogueReward = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('prize'),
    prizeId: z.string().refine((id) => prizeIds.has(id), 'must be a prize id of shared/content/prizes.ts'),
  }),
  z.strictObject({ type: z.literal('perk') }),
  z.strictObject({ type: z.literal('raffle'), raffleId: slug, drawsOn: z.iso.date() }),
  z.strictObject({
    type: z.literal('partnerTransfer'),
    partnerId: slug,
    /** What the partner credits the member in its own program (500 miles). */
    partnerUnits: z.number().int().positive(),
    /** The partner's unit in 4 languages (miles), so the lounge can say "500 miles sent to Skyway Air". */
    unitName: Localized,
  }),
]);
export type CatalogueReward = z.infer<typeof CatalogueReward>;

/** One thing members buy with points; the brand edits this list, the server counts what is sold. */
export const CatalogueItem = z
  .strictObject({
    id: slug,
    name: Localized,
    description: Localized,
    /** Points it costs. */
    cost: z.number().int().positive(),
    reward: CatalogueReward,
    /** Units the brand offers in all; null for unlimited. */
    stock: z.number().int().positive().nullable(),
    /** Most units one member may hold at once (refunded purchases do not count). */
    perMemberLimit: z.number().int().positive(),
  })
  .superRefine((item, ctx) => {
    if (item.reward.type !== 'prize' || item.stock === null) return;
    const { prizeId } = item.reward;
    const prize = prizes.find((candidate) => candidate.id === prizeId);
    if (prize && item.stock > prize.maxSupply)
      ctx.addIssue({ code: 'custom', path: ['stock'], message: `more than ${prizeId}'s maxSupply` });
  });
export type CatalogueItem = z.infer<typeof CatalogueItem>;

const FILE = 'shared/content/catalogue.ts';

/** Parses a catalogue, refusing two items with one id (a purchase names its item by id forever). */
export function parseCatalogue(file: string, items: unknown[]): CatalogueItem[] {
  const parsed = parseItems(file, 'catalogue item', CatalogueItem, items);
  const seen = new Set<string>();
  for (const item of parsed) {
    if (seen.has(item.id)) throw new ContentError(`Layover: catalogue item "${item.id}" twice in ${file}`);
    seen.add(item.id);
  }
  return parsed;
}

/** The brand's catalogue: what the passport's Rewards tab offers. */
export const catalogue: readonly CatalogueItem[] = parseCatalogue(FILE, [
  {
    id: 'lounge-day-pass',
    name: {
      en: 'Lounge Day Pass',
      'zh-Hant': '貴賓室一日通行證',
      'zh-Hans': '贵宾室一日通行证',
      vi: 'Vé phòng chờ một ngày',
    },
    description: {
      en: 'One day in a partner airport lounge, minted to your wallet.',
      'zh-Hant': '合作機場貴賓室一日使用，鑄造到你的錢包。',
      'zh-Hans': '合作机场贵宾室一日使用，铸造到你的钱包。',
      vi: 'Một ngày tại phòng chờ sân bay đối tác, đúc vào ví của bạn.',
    },
    cost: 800,
    reward: { type: 'prize', prizeId: 'lounge-day-pass' },
    stock: 50,
    perMemberLimit: 1,
  },
  {
    id: 'harbor-coffee-drink',
    name: {
      en: 'Harbor Coffee drink',
      'zh-Hant': 'Harbor Coffee 飲品一杯',
      'zh-Hans': 'Harbor Coffee 饮品一杯',
      vi: 'Một đồ uống Harbor Coffee',
    },
    description: {
      en: 'Any drink at a Harbor Coffee counter: show the code when you order.',
      'zh-Hant': 'Harbor Coffee 任選飲品一杯：點餐時出示代碼。',
      'zh-Hans': 'Harbor Coffee 任选饮品一杯：点单时出示代码。',
      vi: 'Một đồ uống bất kỳ tại quầy Harbor Coffee: đưa mã khi gọi món.',
    },
    cost: 300,
    reward: { type: 'perk' },
    stock: null,
    perMemberLimit: 5,
  },
  {
    id: 'lumen-weekend-raffle',
    name: {
      en: 'Lumen Hotels weekend raffle entry',
      'zh-Hant': 'Lumen Hotels 週末住宿抽獎券',
      'zh-Hans': 'Lumen Hotels 周末住宿抽奖券',
      vi: 'Vé bốc thăm cuối tuần tại Lumen Hotels',
    },
    description: {
      en: 'One entry in the draw for a weekend for two at Lumen Hotels.',
      'zh-Hant': '參加 Lumen Hotels 雙人週末住宿抽獎一次。',
      'zh-Hans': '参加 Lumen Hotels 双人周末住宿抽奖一次。',
      vi: 'Một lượt tham gia bốc thăm kỳ nghỉ cuối tuần cho hai người tại Lumen Hotels.',
    },
    cost: 100,
    reward: { type: 'raffle', raffleId: 'lumen-weekend-2027', drawsOn: '2027-06-30' },
    stock: null,
    perMemberLimit: 10,
  },
  {
    id: 'skyway-miles-500',
    name: {
      en: '500 Skyway Air miles',
      'zh-Hant': '500 Skyway Air 哩程',
      'zh-Hans': '500 Skyway Air 里程',
      vi: '500 dặm Skyway Air',
    },
    description: {
      en: 'Turn 1,000 points into 500 miles in your Skyway Air account.',
      'zh-Hant': '將 1,000 點兌換為 Skyway Air 帳戶中的 500 哩程。',
      'zh-Hans': '将 1,000 积分兑换为 Skyway Air 账户中的 500 里程。',
      vi: 'Đổi 1.000 điểm thành 500 dặm trong tài khoản Skyway Air của bạn.',
    },
    cost: 1000,
    reward: {
      type: 'partnerTransfer',
      partnerId: 'skyway-air',
      partnerUnits: 500,
      unitName: { en: 'miles', 'zh-Hant': '哩程', 'zh-Hans': '里程', vi: 'dặm' },
    },
    stock: null,
    perMemberLimit: 3,
  },
  {
    id: 'upgrade-voucher',
    name: {
      en: 'Seat Upgrade Voucher',
      'zh-Hant': '座位升等券',
      'zh-Hans': '座位升舱券',
      vi: 'Phiếu nâng hạng ghế',
    },
    description: {
      en: 'One cabin upgrade on a partner flight, minted to your wallet.',
      'zh-Hant': '合作航班艙等升等一次，鑄造到你的錢包。',
      'zh-Hans': '合作航班舱位升级一次，铸造到你的钱包。',
      vi: 'Một lần nâng hạng khoang trên chuyến bay đối tác, đúc vào ví của bạn.',
    },
    cost: 2500,
    reward: { type: 'prize', prizeId: 'upgrade-voucher' },
    stock: 20,
    perMemberLimit: 1,
  },
]);

/** An item by id, or undefined for one the catalogue does not (or no longer) list. */
export function catalogueItem(id: string): CatalogueItem | undefined {
  return catalogue.find((item) => item.id === id);
}
