import { z } from 'zod';
import { Localized, parseItems } from './quest-schema.ts';

/** A prize the oracle mints on the Prizes contract (ERC-1155); its rules are fixed on chain when first added. */
export const Prize = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase-dashed id'),
  tokenId: z.number().int().min(1),
  name: Localized,
  /** What redeeming it gives the member. */
  perk: Localized,
  maxSupply: z.number().int().min(1),
  /** Most one member can ever be minted; 0 for no limit. */
  memberCap: z.number().int().min(0),
  /** Soulbound prizes stay with the member who won them; others can be gifted. */
  soulbound: z.boolean(),
  /** A retired prize is disabled, never removed once on chain: nothing awards it any more. */
  enabled: z.boolean().default(true),
  /** A prize the member's avatar can wear (a cap on the head or a badge on the chest), in its colour. */
  wearable: z
    .strictObject({ kind: z.enum(['cap', 'badge']), colour: z.string().regex(/^#[0-9a-f]{6}$/) })
    .optional(),
});
export type Prize = z.infer<typeof Prize>;

const FILE = 'shared/content/prizes.ts';

/** The prize catalogue; quests, games and live-event drops name prizes by id. */
export const prizes: readonly Prize[] = parseItems(FILE, 'prize', Prize, [
  {
    id: 'lounge-day-pass',
    tokenId: 1,
    name: {
      en: 'Lounge Day Pass',
      'zh-Hant': '貴賓室一日通行證',
      'zh-Hans': '贵宾室一日通行证',
      vi: 'Vé phòng chờ một ngày',
    },
    perk: {
      en: 'One day in a partner airport lounge.',
      'zh-Hant': '合作機場貴賓室一日使用。',
      'zh-Hans': '合作机场贵宾室一日使用。',
      vi: 'Một ngày tại phòng chờ sân bay đối tác.',
    },
    maxSupply: 1_000_000,
    memberCap: 0,
    soulbound: false,
    wearable: { kind: 'cap', colour: '#1f3a5f' },
  },
  {
    id: 'gold-pass',
    tokenId: 2,
    name: { en: 'Gold Pass', 'zh-Hant': '金卡通行證', 'zh-Hans': '金卡通行证', vi: 'Thẻ Vàng' },
    perk: {
      en: 'Opens the VIP lounge for good.',
      'zh-Hant': '永久開放貴賓廳。',
      'zh-Hans': '永久开放贵宾厅。',
      vi: 'Mở cửa phòng VIP vĩnh viễn.',
    },
    maxSupply: 100_000,
    memberCap: 1,
    soulbound: true,
    wearable: { kind: 'badge', colour: '#d4a017' },
  },
  {
    id: 'upgrade-voucher',
    tokenId: 3,
    name: {
      en: 'Seat Upgrade Voucher',
      'zh-Hant': '座位升等券',
      'zh-Hans': '座位升舱券',
      vi: 'Phiếu nâng hạng ghế',
    },
    perk: {
      en: 'One cabin upgrade on a partner flight.',
      'zh-Hant': '合作航班艙等升等一次。',
      'zh-Hans': '合作航班舱位升级一次。',
      vi: 'Một lần nâng hạng khoang trên chuyến bay đối tác.',
    },
    maxSupply: 500,
    memberCap: 0,
    soulbound: false,
  },
]);

/** Looks a prize up by id; throws for an id the catalogue does not have. */
export function prizeById(id: string): Prize {
  const prize = prizes.find((candidate) => candidate.id === id);
  if (!prize) throw new Error(`Layover: unknown prize "${id}" (see ${FILE})`);
  return prize;
}
