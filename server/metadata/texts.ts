import type { Localized } from '../../shared/content/quest-schema.ts';
import type { MetadataLocale } from '../../shared/protocol/metadata.ts';

/** Words of the metadata documents in each language; names and perks come from shared/content. */
export interface MetadataTexts {
  stampDescription: (name: string, earnedBy: string) => string;
  prizeDescription: (name: string, perk: string) => string;
  passName: (id: string) => string;
  passDescription: (tier: string) => string;
  tiers: Record<'Silver' | 'Gold' | 'Platinum', string>;
  yes: string;
  no: string;
  unlimited: string;
  liveEvents: string;
  eventDrops: string;
  pointsCatalogue: (item: string) => string;
  gameWin: (game: string) => string;
  questJourney: (title: string) => string;
  /** What redeeming gives, by the perk kind of shared/content/perks.ts; `held` for a prize that is not redeemed. */
  redeemFor: {
    generatedCode: string;
    codePool: string;
    timedAccess: (room: string, hours: number) => string;
    physical: string;
    held: string;
  };
  /** Joins the ways to earn a token ("A or B"). */
  or: string;
  collections: Record<'stamps' | 'prizes' | 'loungepass', { name: string; description: string }>;
}

/** Every language the client ships; a wallet asking for one gets these words. */
export const metadataTexts: Record<MetadataLocale, MetadataTexts> = {
  en: {
    stampDescription: (name, earnedBy) =>
      `${name}: a passport stamp of the Layover lounge, earned by ${earnedBy}. Soulbound: it stays with the member who earned it.`,
    prizeDescription: (name, perk) => `${name}, a prize of the Layover lounge. ${perk}`,
    passName: (id) => `Layover Lounge Pass #${id}`,
    passDescription: (tier) =>
      `A ${tier} membership pass of the Layover lounge. It opens the lounges its tier allows.`,
    tiers: { Silver: 'Silver', Gold: 'Gold', Platinum: 'Platinum' },
    yes: 'Yes',
    no: 'No',
    unlimited: 'Unlimited',
    liveEvents: 'attending a live event',
    eventDrops: 'live event drops',
    pointsCatalogue: (item) => `points catalogue: ${item}`,
    gameWin: (game) => `winning ${game}`,
    questJourney: (title) => `finishing the ${title} journey`,
    or: ' or ',
    redeemFor: {
      generatedCode: 'A one-time code for the desk',
      codePool: 'A partner code',
      timedAccess: (room, hours) => `Access to the ${room.toUpperCase()} lounge for ${hours} hours`,
      physical: 'A reward shipped to you',
      held: 'Not redeemed: holding it is the perk',
    },
    collections: {
      stamps: {
        name: 'Layover Passport Stamps',
        description:
          'Soulbound stamps members of the Layover lounge earn by finishing journeys and attending live events.',
      },
      prizes: {
        name: 'Layover Prizes',
        description:
          'Prizes members of the Layover lounge win in journeys, games and live drops; redeem them for their perk.',
      },
      loungepass: {
        name: 'Layover Lounge Pass',
        description:
          'Membership passes of the Layover lounge: Silver, Gold and Platinum open the lounges of their tier.',
      },
    },
  },
  'zh-Hant': {
    stampDescription: (name, earnedBy) =>
      `${name}：Layover 貴賓室的護照印章，透過${earnedBy}獲得。靈魂綁定：永遠屬於獲得它的會員。`,
    prizeDescription: (name, perk) => `${name}，Layover 貴賓室的獎品。${perk}`,
    passName: (id) => `Layover 貴賓室通行證 #${id}`,
    passDescription: (tier) => `Layover 貴賓室的${tier}會員通行證，可進入其等級開放的貴賓室。`,
    tiers: { Silver: '銀卡', Gold: '金卡', Platinum: '白金卡' },
    yes: '是',
    no: '否',
    unlimited: '無上限',
    liveEvents: '參加現場活動',
    eventDrops: '現場活動空投',
    pointsCatalogue: (item) => `積分商品：${item}`,
    gameWin: (game) => `贏得${game}`,
    questJourney: (title) => `完成「${title}」旅程`,
    or: '或',
    redeemFor: {
      generatedCode: '櫃台使用的一次性代碼',
      codePool: '合作夥伴代碼',
      timedAccess: (room, hours) => `${room.toUpperCase()} 貴賓室 ${hours} 小時使用權`,
      physical: '寄送給你的實體獎勵',
      held: '無需兌換：持有即享權益',
    },
    collections: {
      stamps: {
        name: 'Layover 護照印章',
        description: 'Layover 貴賓室會員完成旅程、參加現場活動獲得的靈魂綁定印章。',
      },
      prizes: {
        name: 'Layover 獎品',
        description: 'Layover 貴賓室會員在旅程、遊戲和現場空投中贏得的獎品，可兌換其權益。',
      },
      loungepass: {
        name: 'Layover 貴賓室通行證',
        description: 'Layover 貴賓室的會員通行證：銀卡、金卡和白金卡開放各自等級的貴賓室。',
      },
    },
  },
  'zh-Hans': {
    stampDescription: (name, earnedBy) =>
      `${name}：Layover 贵宾室的护照印章，通过${earnedBy}获得。灵魂绑定：永远属于获得它的会员。`,
    prizeDescription: (name, perk) => `${name}，Layover 贵宾室的奖品。${perk}`,
    passName: (id) => `Layover 贵宾室通行证 #${id}`,
    passDescription: (tier) => `Layover 贵宾室的${tier}会员通行证，可进入其等级开放的贵宾室。`,
    tiers: { Silver: '银卡', Gold: '金卡', Platinum: '白金卡' },
    yes: '是',
    no: '否',
    unlimited: '无上限',
    liveEvents: '参加现场活动',
    eventDrops: '现场活动空投',
    pointsCatalogue: (item) => `积分商品：${item}`,
    gameWin: (game) => `赢得${game}`,
    questJourney: (title) => `完成「${title}」旅程`,
    or: '或',
    redeemFor: {
      generatedCode: '柜台使用的一次性代码',
      codePool: '合作伙伴代码',
      timedAccess: (room, hours) => `${room.toUpperCase()} 贵宾室 ${hours} 小时使用权`,
      physical: '寄送给你的实物奖励',
      held: '无需兑换：持有即享权益',
    },
    collections: {
      stamps: {
        name: 'Layover 护照印章',
        description: 'Layover 贵宾室会员完成旅程、参加现场活动获得的灵魂绑定印章。',
      },
      prizes: {
        name: 'Layover 奖品',
        description: 'Layover 贵宾室会员在旅程、游戏和现场空投中赢得的奖品，可兑换其权益。',
      },
      loungepass: {
        name: 'Layover 贵宾室通行证',
        description: 'Layover 贵宾室的会员通行证：银卡、金卡和白金卡开放各自等级的贵宾室。',
      },
    },
  },
  vi: {
    stampDescription: (name, earnedBy) =>
      `${name}: con dấu hộ chiếu của phòng chờ Layover, nhận được khi ${earnedBy}. Gắn với linh hồn: luôn thuộc về thành viên đã nhận nó.`,
    prizeDescription: (name, perk) => `${name}, phần thưởng của phòng chờ Layover. ${perk}`,
    passName: (id) => `Thẻ phòng chờ Layover #${id}`,
    passDescription: (tier) =>
      `Thẻ thành viên hạng ${tier} của phòng chờ Layover. Thẻ mở các phòng chờ mà hạng của nó cho phép.`,
    tiers: { Silver: 'Bạc', Gold: 'Vàng', Platinum: 'Bạch kim' },
    yes: 'Có',
    no: 'Không',
    unlimited: 'Không giới hạn',
    liveEvents: 'tham dự sự kiện trực tiếp',
    eventDrops: 'quà thả trong sự kiện trực tiếp',
    pointsCatalogue: (item) => `danh mục điểm: ${item}`,
    gameWin: (game) => `thắng ${game}`,
    questJourney: (title) => `hoàn thành hành trình ${title}`,
    or: ' hoặc ',
    redeemFor: {
      generatedCode: 'Mã dùng một lần tại quầy',
      codePool: 'Mã của đối tác',
      timedAccess: (room, hours) => `Vào phòng chờ ${room.toUpperCase()} trong ${hours} giờ`,
      physical: 'Phần thưởng gửi đến bạn',
      held: 'Không cần đổi: sở hữu là quyền lợi',
    },
    collections: {
      stamps: {
        name: 'Con dấu hộ chiếu Layover',
        description:
          'Con dấu gắn với linh hồn mà thành viên phòng chờ Layover nhận được khi hoàn thành hành trình và tham dự sự kiện trực tiếp.',
      },
      prizes: {
        name: 'Phần thưởng Layover',
        description:
          'Phần thưởng thành viên phòng chờ Layover giành được qua hành trình, trò chơi và quà thả; đổi để nhận quyền lợi.',
      },
      loungepass: {
        name: 'Thẻ phòng chờ Layover',
        description: 'Thẻ thành viên phòng chờ Layover: Bạc, Vàng và Bạch kim mở các phòng chờ theo hạng.',
      },
    },
  },
};

/** Picks one language's text out of a content item's localized field. */
export function inLocale(text: Localized, locale: MetadataLocale): string {
  return text[locale];
}
