import { Client, type Room } from '@colyseus/sdk';
import { LOUNGE_BOUNDS } from '../../shared/content/lounge-layout.ts';
import { EMOTES } from '../../shared/protocol/lounge-messages.ts';

/** Mean milliseconds between a bot's actions; chat and emotes never go below 1 s (the room's refill rate). */
export interface BotRates {
  moveEveryMs: number;
  chatEveryMs: number;
  emoteEveryMs: number;
}

export interface StartBotsParameters {
  url: string;
  count: number;
  /** Bot i's session token; by default a guest signed in through POST /auth/guest (30 at once, then 1/s). */
  token?: (index: number) => Promise<string>;
  room?: string;
  rates?: Partial<BotRates>;
  /** Joins in flight at once. */
  joinConcurrency?: number;
  random?: () => number;
}

export interface BotStats {
  joined: number;
  /** Bots whose socket is open and never left or dropped. */
  seated: number;
  errors: string[];
  messagesReceived: number;
  /** WebSocket payload bytes received after each join (state patches and messages). */
  bytesReceived: number;
  sent: { move: number; chat: number; emote: number };
}

export interface Bots {
  rooms: Room[];
  stats: () => BotStats;
  /** Every bot leaves (consented); leaving is then no error. */
  stop: () => Promise<void>;
}

type Bot = { index: number; room: Room; gone: boolean; due: { move: number; chat: number; emote: number } };

const TICK_MS = 50;
const MESSAGE_TYPES = ['chat', 'quests', 'stampEarned', 'prizeWon', 'delivery'];

/** N members in a room through the real SDK, walking, chatting and emoting: the load for soak tests and benchmarks. */
export async function startBots(params: StartBotsParameters): Promise<Bots> {
  const random = params.random ?? Math.random;
  const rates: BotRates = { moveEveryMs: 1500, chatEveryMs: 10_000, emoteEveryMs: 8_000, ...params.rates };
  rates.chatEveryMs = Math.max(1000, rates.chatEveryMs);
  rates.emoteEveryMs = Math.max(1000, rates.emoteEveryMs);
  const token = params.token ?? ((index: number) => guestToken(params.url, `Bot ${index + 1}`));
  const stats: BotStats = {
    joined: 0,
    seated: 0,
    errors: [],
    messagesReceived: 0,
    bytesReceived: 0,
    sent: { move: 0, chat: 0, emote: 0 },
  };
  const bots: Bot[] = [];
  let stopping = false;
  // Jittered around the mean so a hundred bots never act in lockstep.
  const next = (now: number, mean: number) => now + mean * (0.5 + random());

  const joinOne = async (index: number) => {
    const room = await new Client(params.url).joinOrCreate(params.room ?? 'lounge', {
      token: await token(index),
    });
    const now = Date.now();
    const bot: Bot = {
      index,
      room,
      gone: false,
      due: {
        move: next(now, rates.moveEveryMs),
        chat: next(now, rates.chatEveryMs),
        emote: next(now, rates.emoteEveryMs),
      },
    };
    const error = (what: string) => stats.errors.push(`bot ${index + 1}: ${what}`);
    for (const type of MESSAGE_TYPES) room.onMessage(type, () => void stats.messagesReceived++);
    room.onMessage('notice', (notice: { code: string }) => {
      stats.messagesReceived++;
      error(`notice ${notice.code}`);
    });
    room.onMessage('*', (type) => {
      stats.messagesReceived++;
      error(`unexpected message ${String(type)}`);
    });
    room.onError((code, message) => error(`error ${code} ${message ?? ''}`));
    room.onDrop((code) => error(`dropped (${code})`));
    room.onLeave((code) => {
      bot.gone = true;
      if (!stopping) error(`left (${code})`);
    });
    const socket = (room.connection as unknown as { transport: { ws?: WebSocketLike } }).transport.ws;
    socket?.addEventListener('message', (event) => {
      stats.bytesReceived += (event.data as ArrayBuffer).byteLength ?? 0;
    });
    bots.push(bot);
    stats.joined++;
  };

  const queue = Array.from({ length: params.count }, (_, index) => index);
  const joiner = async () => {
    for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
      await joinOne(index).catch((error: Error) =>
        stats.errors.push(`bot ${index + 1}: join failed: ${error.message}`),
      );
    }
  };
  await Promise.all(Array.from({ length: params.joinConcurrency ?? 10 }, joiner));

  const act = (bot: Bot, now: number) => {
    const { room, due } = bot;
    if (now >= due.move) {
      due.move = next(now, rates.moveEveryMs);
      if (random() < 0.5) {
        const x = LOUNGE_BOUNDS.minX + random() * (LOUNGE_BOUNDS.maxX - LOUNGE_BOUNDS.minX);
        const z = LOUNGE_BOUNDS.minZ + random() * (LOUNGE_BOUNDS.maxZ - LOUNGE_BOUNDS.minZ);
        room.send('moveTo', { x, z });
      } else {
        const angle = random() * 2 * Math.PI;
        const still = random() < 0.2;
        room.send('move', still ? { x: 0, z: 0 } : { x: Math.cos(angle), z: Math.sin(angle) });
      }
      stats.sent.move++;
    }
    if (now >= due.chat) {
      due.chat = Math.max(next(now, rates.chatEveryMs), now + 1000);
      room.send('chat', { text: `bot ${bot.index + 1} says hello #${stats.sent.chat}` });
      stats.sent.chat++;
    }
    if (now >= due.emote) {
      due.emote = Math.max(next(now, rates.emoteEveryMs), now + 1000);
      room.send('emote', { emote: EMOTES[Math.floor(random() * EMOTES.length)] });
      stats.sent.emote++;
    }
  };
  const timer = setInterval(() => {
    const now = Date.now();
    for (const bot of bots) if (!bot.gone && bot.room.connection.isOpen) act(bot, now);
  }, TICK_MS);

  return {
    rooms: bots.map((bot) => bot.room),
    stats: () => ({
      ...stats,
      errors: [...stats.errors],
      seated: bots.filter((bot) => !bot.gone && bot.room.connection.isOpen).length,
    }),
    stop: async () => {
      stopping = true;
      clearInterval(timer);
      await Promise.allSettled(
        bots.filter((bot) => !bot.gone && bot.room.connection.isOpen).map((bot) => bot.room.leave()),
      );
    },
  };
}

type WebSocketLike = {
  addEventListener: (type: 'message', listener: (event: { data: unknown }) => void) => void;
};

async function guestToken(url: string, name: string): Promise<string> {
  const response = await fetch(`${url}/auth/guest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (!response.ok) throw new Error(`guest sign-in failed (${response.status}): ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}
