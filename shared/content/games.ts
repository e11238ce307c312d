import { z } from 'zod';
import { prizes } from './prizes.ts';
import { ContentError, Localized, parseItems } from './quest-schema.ts';

const FILE = 'shared/content/games.ts';

/** Game ids; quests name them (`playGame`, `reachScore`, `win` steps) and each is a room type. */
export const GAME_IDS = ['plane', 'trivia', 'bags'] as const;
export type GameId = (typeof GAME_IDS)[number];

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase-dashed id');
const ms = z
  .number()
  .int()
  .min(0)
  .max(10 * 60_000);

/** How long each phase lasts: lobby (then start anyway), countdown, one turn, its reveal, and the results. */
export const GameTiming = z.strictObject({
  lobbyMs: ms,
  countdownMs: ms,
  /** One throw's aim, one question's answer window, or the whole Baggage Rush. */
  turnMs: ms.min(1),
  /** The flight, the correct answer shown, or nothing. */
  revealMs: ms,
  resultsMs: ms,
});
export type GameTiming = z.infer<typeof GameTiming>;

const base = {
  name: Localized,
  /** One line on how to play, shown in the lobby. */
  howTo: Localized,
  minPlayers: z.number().int().min(1),
  maxPlayers: z.number().int().min(1).max(20),
  /** Throws, questions, or 1 for a game played in one go. */
  turns: z.number().int().min(1).max(20),
  timing: GameTiming,
  /** A round's top score must reach this to count as a win (quests' `win` steps and the winner prize). */
  winScore: z.number().int().min(1),
  /** Prize id (shared/content/prizes.ts) a round's winner gets, at most once per member per game per UTC day. */
  winnerPrize: slug.optional(),
};

export const PlaneGame = z.strictObject({
  ...base,
  id: z.literal('plane'),
  /** Each throw's wind is drawn from [-windMaxMps, windMaxMps]; positive blows down the terminal. */
  windMaxMps: z.number().min(0).max(10),
  /** A round wins when a throw reaches this share of the best its own wind allows (and at least `winScore` cm). */
  parShare: z.number().min(0.5).max(1),
});

export const TriviaGame = z.strictObject({
  ...base,
  id: z.literal('trivia'),
  /** Question packs (shared/content/trivia-packs.ts) a round draws from, one pack per round. */
  packs: z.array(slug).min(1),
});

export const BagsGame = z.strictObject({
  ...base,
  id: z.literal('bags'),
  carousel: z.strictObject({
    /** Length of the loop in metres; a bag rides it once, from the chute at 0 back to it. */
    lengthM: z.number().min(5).max(200),
    speedMps: z.number().positive().max(10),
    /** How far along the loop a player at a station can reach, each way. */
    reachM: z.number().positive().max(10),
    spawnEveryMs: z.number().int().min(100).max(60_000),
    /** Share of bags that belong to no player (decoys). */
    decoyShare: z.number().min(0).max(0.5),
    /** Share of priority bags, right for every player: the first grab the server receives takes one. */
    priorityShare: z.number().min(0).max(0.5),
    /** Points for a right bag, and taken away (never below 0) for grabbing someone else's. */
    rightPoints: z.number().int().min(1),
    wrongPenalty: z.number().int().min(0),
  }),
});

export const GameInfo = z.discriminatedUnion('id', [PlaneGame, TriviaGame, BagsGame]);
export type GameInfo = z.infer<typeof GameInfo>;
export type PlaneGame = z.infer<typeof PlaneGame>;
export type TriviaGame = z.infer<typeof TriviaGame>;
export type BagsGame = z.infer<typeof BagsGame>;

/** Checks what one schema cannot see: player bounds, one entry per game, and prize ids that exist. */
export function checkGames(
  file: string,
  items: readonly GameInfo[],
  prizeIds: readonly string[],
): GameInfo[] {
  const fail = (id: string, field: string, message: string): never => {
    throw new ContentError(`Layover: bad game "${id}" in ${file}: ${field}: ${message}`);
  };
  const seen = new Set<string>();
  for (const game of items) {
    if (seen.has(game.id)) fail(game.id, 'id', 'duplicate game id');
    seen.add(game.id);
    if (game.minPlayers > game.maxPlayers) fail(game.id, 'minPlayers', 'must not exceed maxPlayers');
    if (game.winnerPrize && !prizeIds.includes(game.winnerPrize))
      fail(game.id, 'winnerPrize', `unknown prize "${game.winnerPrize}"`);
  }
  for (const id of GAME_IDS) if (!seen.has(id)) fail(id, 'id', 'missing');
  return [...items];
}

const name = (en: string, zhHant: string, zhHans: string, vi: string) => ({
  en,
  'zh-Hant': zhHant,
  'zh-Hans': zhHans,
  vi,
});

/** The arcade's games as data; validated when the module loads, so a bad entry stops boot. */
export const games: readonly GameInfo[] = checkGames(
  FILE,
  parseItems(FILE, 'game', GameInfo, [
    {
      id: 'plane',
      name: name('Paper Plane', '紙飛機', '纸飞机', 'Máy bay giấy'),
      howTo: name(
        'Read the wind: throw softer into a headwind, harder with a tailwind, or the plane tumbles. Best of three; a throw within 90% of the best its wind allows wins.',
        '看準風向：逆風輕一點擲，順風用力擲，否則紙飛機會翻落。三擲取最佳；任一擲達到該風況最佳距離的 90% 即獲勝。',
        '看准风向：逆风轻一点掷，顺风用力掷，否则纸飞机会翻落。三掷取最佳；任一掷达到该风况最佳距离的 90% 即获胜。',
        'Xem hướng gió: ngược gió thì ném nhẹ, xuôi gió thì ném mạnh, kẻo máy bay lộn nhào. Lấy lần xa nhất trong ba lần; một lần ném đạt 90% khoảng cách tốt nhất mà gió cho phép là thắng.',
      ),
      minPlayers: 1,
      maxPlayers: 1,
      turns: 3,
      timing: { lobbyMs: 30_000, countdownMs: 3_000, turnMs: 20_000, revealMs: 2_500, resultsMs: 8_000 },
      winScore: 500,
      winnerPrize: 'lounge-day-pass',
      windMaxMps: 3,
      parShare: 0.9,
    },
    {
      id: 'trivia',
      name: name('Gate Trivia', '登機門問答', '登机口问答', 'Đố vui cửa ra máy bay'),
      howTo: name(
        'Answer before the gate closes: right and fast scores most.',
        '在登機門關閉前作答：答對又快，得分最高。',
        '在登机口关闭前作答：答对又快，得分最高。',
        'Trả lời trước khi cửa đóng: đúng và nhanh được nhiều điểm nhất.',
      ),
      minPlayers: 1,
      maxPlayers: 20,
      turns: 5,
      timing: { lobbyMs: 20_000, countdownMs: 3_000, turnMs: 12_000, revealMs: 3_000, resultsMs: 10_000 },
      winScore: 3_000,
      winnerPrize: 'lounge-day-pass',
      packs: ['travel', 'layover', 'destination-hoi-an'],
    },
    {
      id: 'bags',
      name: name('Baggage Rush', '行李爭奪戰', '行李争夺战', 'Giành hành lý'),
      howTo: name(
        'Grab the bags tagged for your station as they pass. Wrong bags cost points.',
        '行李經過時，抓起標著你站點的行李。抓錯會扣分。',
        '行李经过时，抓起标着你站点的行李。抓错会扣分。',
        'Chộp những túi gắn thẻ trạm của bạn khi chúng chạy qua. Lấy nhầm sẽ bị trừ điểm.',
      ),
      minPlayers: 1,
      maxPlayers: 6,
      turns: 1,
      timing: { lobbyMs: 20_000, countdownMs: 3_000, turnMs: 45_000, revealMs: 0, resultsMs: 8_000 },
      winScore: 500,
      carousel: {
        lengthM: 36,
        speedMps: 1.5,
        reachM: 1.5,
        spawnEveryMs: 900,
        decoyShare: 0.2,
        priorityShare: 0.1,
        rightPoints: 100,
        wrongPenalty: 50,
      },
    },
  ]),
  prizes.map((prize) => prize.id),
);

function find<T extends GameInfo['id']>(id: T): Extract<GameInfo, { id: T }> {
  const game = games.find((candidate) => candidate.id === id);
  if (!game) throw new ContentError(`Layover: no game "${id}" in ${FILE}`);
  return game as Extract<GameInfo, { id: T }>;
}

export const planeGame: PlaneGame = find('plane');
export const triviaGame: TriviaGame = find('trivia');
export const bagsGame: BagsGame = find('bags');
