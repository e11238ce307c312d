import { prizes } from './prizes.ts';
import { checkQuestContent, parseItems, Quest, type QuestContent } from './quest-schema.ts';
import { stamps } from './stamps.ts';
import { statusLevels } from './status.ts';

const FILE = 'shared/content/quests.ts';

/** Quest journeys as data; validated (fields and references) when the module loads, so a bad quest stops boot. */
export const quests: readonly Quest[] = parseItems(FILE, 'quest', Quest, [
  {
    id: 'first-visit',
    title: { en: 'First Visit', 'zh-Hant': '初次到訪', 'zh-Hans': '初次到访', vi: 'Lần đầu ghé thăm' },
    description: {
      en: 'Find your feet in the lounge.',
      'zh-Hant': '熟悉一下貴賓室。',
      'zh-Hans': '熟悉一下贵宾室。',
      vi: 'Làm quen với phòng chờ.',
    },
    steps: [
      {
        id: 'window',
        kind: 'visitZone',
        zone: 'window',
        label: {
          en: 'Walk to the window',
          'zh-Hant': '走到窗邊',
          'zh-Hans': '走到窗边',
          vi: 'Đi đến bên cửa sổ',
        },
      },
      {
        id: 'wave',
        kind: 'emoteNear',
        emote: 'wave',
        withinM: 4,
        label: {
          en: 'Wave to another member',
          'zh-Hant': '向另一位成員揮手',
          'zh-Hans': '向另一位成员挥手',
          vi: 'Vẫy tay chào một thành viên khác',
        },
      },
      {
        id: 'board',
        kind: 'interact',
        objectId: 'departures-board',
        label: {
          en: 'Read the departures board',
          'zh-Hant': '查看出發航班看板',
          'zh-Hans': '查看出发航班看板',
          vi: 'Xem bảng giờ khởi hành',
        },
      },
    ],
    rewards: { stamps: ['first-visit'], points: 100, prizes: ['lounge-day-pass'] },
  },
  {
    id: 'frequent-flyer',
    title: { en: 'Frequent Flyer', 'zh-Hant': '常客飛行', 'zh-Hans': '常旅客', vi: 'Khách bay thường xuyên' },
    description: {
      en: 'Play, score, attend and keep coming back.',
      'zh-Hant': '玩遊戲、拿高分、參加活動，並常常回來。',
      'zh-Hans': '玩游戏、拿高分、参加活动，并常常回来。',
      vi: 'Chơi, ghi điểm, tham dự sự kiện và quay lại thường xuyên.',
    },
    steps: [
      {
        id: 'play-plane',
        kind: 'playGame',
        gameId: 'plane',
        label: {
          en: 'Play Paper Plane',
          'zh-Hant': '玩紙飛機',
          'zh-Hans': '玩纸飞机',
          vi: 'Chơi Máy bay giấy',
        },
      },
      {
        id: 'play-trivia',
        kind: 'playGame',
        gameId: 'trivia',
        label: { en: 'Play Trivia', 'zh-Hant': '玩益智問答', 'zh-Hans': '玩益智问答', vi: 'Chơi Đố vui' },
      },
      {
        id: 'play-bags',
        kind: 'playGame',
        gameId: 'bags',
        label: {
          en: 'Play Baggage Rush',
          'zh-Hant': '玩行李爭奪戰',
          'zh-Hans': '玩行李争夺战',
          vi: 'Chơi Giành hành lý',
        },
      },
      {
        id: 'trivia-score',
        kind: 'reachScore',
        gameId: 'trivia',
        score: 800,
        label: {
          en: 'Score 800 in Trivia',
          'zh-Hant': '在益智問答中得到 800 分',
          'zh-Hans': '在益智问答中得到 800 分',
          vi: 'Đạt 800 điểm trong Đố vui',
        },
      },
      {
        id: 'live-event',
        kind: 'attendEvent',
        minutes: 10,
        label: {
          en: 'Attend a live event for 10 minutes',
          'zh-Hant': '參加現場活動 10 分鐘',
          'zh-Hans': '参加现场活动 10 分钟',
          vi: 'Tham dự sự kiện trực tiếp 10 phút',
        },
      },
      {
        id: 'three-days',
        kind: 'returnDays',
        count: 3,
        label: {
          en: 'Come back on three different days',
          'zh-Hant': '在三個不同的日子回來',
          'zh-Hans': '在三个不同的日子回来',
          vi: 'Quay lại vào ba ngày khác nhau',
        },
      },
    ],
    rewards: { stamps: ['frequent-flyer'], points: 500, prizes: ['gold-pass'] },
  },
  {
    id: 'winter-lights',
    title: { en: 'Winter Lights', 'zh-Hant': '冬日燈光', 'zh-Hans': '冬日灯光', vi: 'Ánh đèn mùa đông' },
    description: {
      en: 'A seasonal toast at the bar, once a day while the lights are up.',
      'zh-Hant': '燈飾點亮期間，每天到酒吧舉杯一次。',
      'zh-Hans': '灯饰点亮期间，每天到酒吧举杯一次。',
      vi: 'Nâng ly tại quầy bar mỗi ngày một lần trong mùa lễ hội.',
    },
    prerequisites: ['first-visit'],
    startsAt: '2026-12-01T00:00:00Z',
    endsAt: '2027-01-15T00:00:00Z',
    repeatable: { cooldownHours: 24 },
    steps: [
      {
        id: 'bar',
        kind: 'visitZone',
        zone: 'bar',
        label: { en: 'Visit the bar', 'zh-Hant': '到酒吧', 'zh-Hans': '到酒吧', vi: 'Ghé quầy bar' },
      },
      {
        id: 'cheer',
        kind: 'chat',
        label: {
          en: 'Say cheers in the chat',
          'zh-Hant': '在聊天中說聲乾杯',
          'zh-Hans': '在聊天中说声干杯',
          vi: 'Nói lời chúc mừng trong trò chuyện',
        },
      },
    ],
    rewards: { stamps: ['winter-lights'], points: 50 },
  },
  {
    id: 'partner-lounge',
    title: {
      en: 'Partner Lounge',
      'zh-Hant': '合作夥伴貴賓室',
      'zh-Hans': '合作伙伴贵宾室',
      vi: 'Phòng chờ đối tác',
    },
    description: {
      en: "Holders of our partner's pass get a stamp of their own.",
      'zh-Hant': '持有合作夥伴通行證的成員可獲得專屬印章。',
      'zh-Hans': '持有合作伙伴通行证的成员可获得专属印章。',
      vi: 'Người sở hữu thẻ của đối tác nhận được con dấu riêng.',
    },
    steps: [
      {
        id: 'hold-pass',
        kind: 'holdNft',
        contract: 'PartnerPass',
        label: {
          en: "Hold the partner's pass",
          'zh-Hant': '持有合作夥伴通行證',
          'zh-Hans': '持有合作伙伴通行证',
          vi: 'Sở hữu thẻ của đối tác',
        },
      },
    ],
    rewards: { stamps: ['partner-lounge'], points: 100 },
  },
  {
    id: 'collector',
    title: { en: 'Collector', 'zh-Hant': '收藏家', 'zh-Hans': '收藏家', vi: 'Nhà sưu tầm' },
    description: {
      en: 'Fill the first pages of your passport.',
      'zh-Hant': '填滿護照的前幾頁。',
      'zh-Hans': '填满护照的前几页。',
      vi: 'Lấp đầy những trang đầu của hộ chiếu.',
    },
    steps: [
      {
        id: 'two-stamps',
        kind: 'collectStamps',
        count: 2,
        label: {
          en: 'Collect two stamps',
          'zh-Hant': '收集兩枚印章',
          'zh-Hans': '收集两枚印章',
          vi: 'Sưu tầm hai con dấu',
        },
      },
    ],
    rewards: { stamps: ['collector'], points: 200 },
  },
]);

/** Everything the quest engine reads: quests, stamps and status levels, cross-checked. */
export const questContent: QuestContent = checkQuestContent(FILE, {
  quests,
  stamps,
  levels: statusLevels,
  prizeIds: prizes.map((prize) => prize.id),
});
