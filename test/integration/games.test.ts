import { matchMaker, type Server } from '@colyseus/core';
import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLANE_PHYSICS } from '../../server/domain/games/plane.ts';
import { madePar, powerForAirspeed, winDistance } from '../../server/domain/games/plane-par.ts';
import { recordGameRound } from '../../server/games/record-round.ts';
import type { RunningLayover } from '../../server/main.ts';
import { defineGameRooms } from '../../server/rooms/games/define.ts';
import { planeGame } from '../../shared/content/games.ts';
import { questContent } from '../../shared/content/quests.ts';
import { triviaPacks } from '../../shared/content/trivia-packs.ts';
import type { TriviaLocale, TriviaText } from '../../shared/content/trivia-schema.ts';
import type { RoundResult, TriviaQuestionView } from '../../shared/protocol/games.ts';
import type { QuestsSnapshot } from '../../shared/protocol/quests.ts';
import type { BagsState } from '../../shared/state/GameBagsState.ts';
import type { PlaneState } from '../../shared/state/GamePlaneState.ts';
import type { GameState } from '../../shared/state/GameState.ts';
import type { TriviaState } from '../../shared/state/GameTriviaState.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { postJson, startTestLayover, waitFor } from '../support/layover.ts';

// Every phase 20 times shorter: a trivia window is 600 ms, a Baggage Rush 2.25 s with the belt 20 times faster.
const TIME_SCALE = 0.05;
process.env.GAME_TIME_SCALE = String(TIME_SCALE);

let layover: RunningLayover;
const rooms: Room[] = [];

interface Bot<S extends GameState> {
  name: string;
  token: string;
  memberId: string;
  room: Room<unknown, S>;
  messages: { type: string; message: unknown }[];
  left: Promise<number>;
}

async function guest(name: string): Promise<{ token: string; memberId: string }> {
  const { status, body } = await postJson(`${layover.url}/auth/guest`, { name });
  expect(status).toBe(200);
  return { token: body.token, memberId: body.member.id };
}

async function join<S extends GameState>(game: string, name: string, locale?: string): Promise<Bot<S>> {
  const { token, memberId } = await guest(name);
  const room = await new Client(layover.url).joinOrCreate<S>(game, { token, ...(locale ? { locale } : {}) });
  rooms.push(room as Room);
  const messages: Bot<S>['messages'] = [];
  room.onMessage('*', (type, message) => messages.push({ type: String(type), message }));
  const left = new Promise<number>((resolve) => room.onLeave((code) => resolve(code)));
  await waitFor(() => room.state?.players?.get(room.sessionId), 5000, `${name} seated`);
  return { name, token, memberId, room, messages, left };
}

type Heard = { name: string; messages: Bot<GameState>['messages'] };

const received = <T>(bot: Heard, type: string) =>
  bot.messages.filter((entry) => entry.type === type).map((entry) => entry.message as T);

const until = <T>(check: () => T | undefined | false, what: string, timeoutMs = 15_000) =>
  waitFor(check, timeoutMs, what);

/** Resolves with the close code when the server drops the bot, failing after `ms`. */
const dropped = (bot: { name: string; left: Promise<number> }, ms = 5000) =>
  Promise.race([
    bot.left,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${bot.name} was not dropped`)), ms)),
  ]);

/**
 * The round is over in the client's copy of state: the result message can overtake the patch that shows it, and under
 * load the (short, scaled) results phase may already have given way to the lobby, which keeps scores and ranks.
 */
const roundOver = (state: GameState) => state.phase === 'results' || state.phase === 'lobby';

const resultOf = (bot: Heard) =>
  until(() => received<RoundResult>(bot, 'roundResult').at(-1), `${bot.name}'s round result`);

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the test's expectations
async function getJson(path: string, token?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${layover.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: await response.json() };
}

const questStep = (snapshot: QuestsSnapshot | undefined, stepId: string) =>
  snapshot?.quests.find((quest) => quest.id === 'frequent-flyer')?.steps.find((step) => step.id === stepId)
    ?.progress;

beforeAll(async () => {
  layover = await startTestLayover();
  // Until server/main.ts registers the games itself, register them on this process's matchmaker.
  if (!matchMaker.getRoomClass('plane'))
    defineGameRooms({ define: matchMaker.defineRoomType } as unknown as Pick<Server, 'define'>, layover.ctx, {
      timeScale: TIME_SCALE,
    });
});

afterAll(async () => {
  await Promise.all(
    rooms.filter((room) => room.connection.isOpen).map((room) => room.leave().catch(() => {})),
  );
  await layover?.stop();
});

/** How a pilot aims a throw in the wind it is given. */
type Aim = (wind: number) => { angle: number; power: number };
/** A pilot who reads the wind: angle 20, thrown just under the top of the glide airspeed. */
const skilled: Aim = (wind) => ({
  angle: 20,
  power: powerForAirspeed(20, wind, PLANE_PHYSICS.glideAirspeedMps.max - 0.2),
});

/** Plays one Paper Plane round: ready, then a throw on each turn as it opens. */
async function playPlane(bot: Bot<PlaneState>, aim: Aim): Promise<RoundResult> {
  const before = received(bot, 'roundResult').length;
  bot.room.send('ready', { ready: true });
  for (let turn = 0; turn < 3; turn++) {
    await until(
      () => bot.room.state.phase === 'playing' && bot.room.state.turn === turn,
      `throw ${turn} open`,
    );
    bot.room.send('throw', { turn, ...aim(bot.room.state.wind) });
    await until(() => bot.room.state.flights.length > turn, `throw ${turn} flown`);
  }
  await until(() => received(bot, 'roundResult').length > before, `${bot.name}'s round result`);
  await until(() => roundOver(bot.room.state), `${bot.name}'s round over in state`);
  return received<RoundResult>(bot, 'roundResult').at(-1)!;
}

describe('Paper Plane with real clients', () => {
  let pilots: Bot<PlaneState>[];

  it('plays a full solo round for each of three bots at once, scored by the server', async () => {
    pilots = await Promise.all(['Ace', 'Biz', 'Cat'].map((name) => join<PlaneState>('plane', name)));
    expect(new Set(pilots.map((bot) => bot.room.roomId)).size).toBe(3);
    const lounge = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', {
      token: pilots[0]!.token,
    });
    rooms.push(lounge as Room);
    const snapshots: QuestsSnapshot[] = [];
    lounge.onMessage('quests', (snapshot: QuestsSnapshot) => snapshots.push(snapshot));
    lounge.onMessage('*', () => {});

    const results = await Promise.all([
      playPlane(pilots[0]!, skilled),
      playPlane(pilots[1]!, () => ({ angle: 40, power: 0.6 })),
      playPlane(pilots[2]!, () => ({ angle: 70, power: 0.3 })),
    ]);
    for (const [index, bot] of pilots.entries()) {
      const { state } = bot.room;
      const result = results[index]!;
      expect(state.flights.map((flight) => flight.turn)).toEqual([0, 1, 2]);
      const best = Math.max(...state.flights.map((flight) => Math.round(flight.distance * 100)));
      expect(Math.abs(result.score - best)).toBeLessThanOrEqual(1);
      expect(state.players.get(bot.room.sessionId)?.score).toBe(result.score);
      expect(result).toMatchObject({ gameId: 'plane', round: 1, rank: 1, players: 1 });
      expect(result.won).toBe(state.flights.some((flight) => madePar(flight, planeGame.parShare)));
      // Each flight keeps the prize line of its own wind (the client's gold line), and a win is a throw past it.
      for (const flight of state.flights)
        expect(flight.par).toBeCloseTo(winDistance(flight.wind, planeGame), 3);
      expect(result.won).toBe(state.flights.some((flight) => flight.distance >= flight.par - 1e-3));
    }
    // A pilot who reads the wind makes par: the winner prize, held for the guest until a wallet connects.
    expect(results[0]).toMatchObject({
      won: true,
      prize: { prizeId: 'lounge-day-pass', source: 'plane', state: 'held' },
    });
    expect(results[2]).toMatchObject({ won: false, prize: null });
    expect(pilots[0]!.room.state.winner).toBe(pilots[0]!.room.sessionId);

    // The quest engine heard it: the lounge connection gets the new snapshot, and /api/members/me shows it.
    // (The snapshot the lounge sends on join may land after it: look for the one the game round pushed.)
    await until(
      () => snapshots.some((snapshot) => questStep(snapshot, 'play-plane') === 1),
      'snapshot in the lounge',
    );
    const me = await getJson('/api/members/me', pilots[0]!.token);
    expect(questStep(me.body, 'play-plane')).toBe(1);
    expect(me.body.prizes).toMatchObject([{ prizeId: 'lounge-day-pass', source: 'plane' }]);
  });

  it('counts a replayed throw once, also after its turn has passed', async () => {
    const bot = pilots[1]!;
    await until(() => bot.room.state.phase === 'lobby', 'back in the lobby');
    const before = received(bot, 'thrown').length;
    bot.room.send('ready', { ready: true });
    await until(() => bot.room.state.phase === 'playing', 'round 2 playing');
    bot.room.send('throw', { turn: 0, angle: 40, power: 0.6 });
    bot.room.send('throw', { turn: 0, angle: 18, power: 1 });
    await until(() => bot.room.state.turn === 1 && bot.room.state.phase === 'playing', 'turn 1');
    bot.room.send('throw', { turn: 0, angle: 18, power: 1 });
    await until(() => received(bot, 'thrown').length >= before + 3, 'three throw outcomes');
    const outcomes = received<{ turn: number; outcome: string }>(bot, 'thrown').slice(before);
    expect(outcomes).toEqual([
      { turn: 0, outcome: 'accepted' },
      { turn: 0, outcome: 'duplicate' },
      { turn: 0, outcome: 'duplicate' },
    ]);
    // Turns 1 and 2 run out unthrown: 0 m each, and the round still ends.
    const result = await until(
      () => received<RoundResult>(bot, 'roundResult').find((entry) => entry.round === 2),
      'round 2 result',
    );
    expect(bot.room.state.flights.map((flight) => flight.distance > 0)).toEqual([true, false, false]);
    expect(result.score).toBe(bot.room.state.players.get(bot.room.sessionId)?.score);
  });

  it('gives the winner prize at most once per member per day', async () => {
    const ace = pilots[0]!;
    await until(() => ace.room.state.phase === 'lobby', 'Ace back in the lobby');
    const again = await playPlane(ace, skilled);
    expect(again).toMatchObject({ round: 2, won: true, prize: null });
    const record = await getJson('/api/members/me/export', ace.token);
    const prizes = record.body.outbox.filter((row: { kind: string }) => row.kind === 'prize');
    expect(prizes).toHaveLength(1);
    const rounds = record.body.events.filter((event: { kind: string }) => event.kind === 'gameFinished');
    expect(rounds).toHaveLength(2);

    // Recording a round again (a replayed event id) changes nothing.
    const replay = await recordGameRound(layover.ctx.ledger.db, {
      eventId: rounds[0].id,
      gameId: 'plane',
      memberId: ace.memberId,
      score: 99_999,
      won: true,
      at: new Date(),
      winnerPrize: 'lounge-day-pass',
      content: questContent,
    });
    expect(replay).toBeNull();
    const board = await getJson('/api/games/plane/leaderboard?period=all');
    expect(board.body.entries.find((entry: { name: string }) => entry.name === 'Ace').score).toBeLessThan(
      99_999,
    );
  });

  it('drops a bot that sends a forged score, and records nothing for it', async () => {
    const forger = await join<PlaneState>('plane', 'Forger');
    forger.room.send('ready', { ready: true });
    await until(() => forger.room.state.phase === 'playing', 'Forger playing');
    forger.room.send('throw', { turn: 0, angle: 20, power: 1, score: 99_999 });
    expect(await dropped(forger)).not.toBe(4000);
    const me = await getJson('/api/members/me/export', forger.token);
    expect(me.body.events.filter((event: { kind: string }) => event.kind === 'gameFinished')).toEqual([]);
  });

  it('serves daily and all-time leaderboards with display names, best first, one entry per member', async () => {
    const daily = await getJson('/api/games/plane/leaderboard?period=daily');
    expect(daily.status).toBe(200);
    expect(daily.body).toMatchObject({
      gameId: 'plane',
      period: 'daily',
      day: new Date().toISOString().slice(0, 10),
    });
    const names = daily.body.entries.map((entry: { name: string }) => entry.name);
    expect(names[0]).toBe('Ace');
    expect([...names].sort()).toEqual(['Ace', 'Biz', 'Cat']);
    const scores = daily.body.entries.map((entry: { score: number }) => entry.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    expect(daily.body.entries.map((entry: { rank: number }) => entry.rank)).toEqual([1, 2, 3]);
    const all = await getJson('/api/games/plane/leaderboard?period=all');
    expect(all.body).toMatchObject({ period: 'all', day: null });
    expect(all.body.entries.map((entry: { name: string }) => entry.name)).toEqual(names);
    expect((await getJson('/api/games/plane/leaderboard')).body.period).toBe('daily');
    expect((await getJson('/api/games/plane/leaderboard?period=daily&day=2001-01-01')).body.entries).toEqual(
      [],
    );
  });

  it('refuses an unknown game or period with a clear code', async () => {
    expect(await getJson('/api/games/chess/leaderboard')).toMatchObject({
      status: 404,
      body: { error: 'unknownGame' },
    });
    expect(await getJson('/api/games/plane/leaderboard?period=weekly')).toMatchObject({
      status: 400,
      body: { error: 'invalidQuery' },
    });
    expect((await getJson('/api/games/plane/leaderboard?day=yesterday')).status).toBe(400);
  });
});

/** The shown index of the right (or a wrong) choice, read from the packs the way the server localizes them. */
function choiceFor(question: TriviaQuestionView, right: boolean): number {
  const read = (text: TriviaText) => text[question.locale as TriviaLocale] ?? text.en;
  for (const pack of triviaPacks)
    for (const candidate of pack.questions) {
      if (read(candidate.prompt) !== question.prompt) continue;
      const index = question.choices.indexOf(read(candidate.choices[candidate.answer]!));
      return right ? index : (index + 1) % question.choices.length;
    }
  throw new Error(`no such question: ${question.prompt}`);
}

describe('Gate Trivia with real clients', () => {
  it('plays a full round: localized questions, answers in the window only, the right choice only after it', async () => {
    const ace = await join<TriviaState>('trivia', 'Quiz Ace');
    const wrong = await join<TriviaState>('trivia', 'Quiz Wrong', 'vi');
    const late = await join<TriviaState>('trivia', 'Quiz Late', 'zh-Hant');
    const forger = await join<TriviaState>('trivia', 'Quiz Forger');
    const flooder = await join<TriviaState>('trivia', 'Quiz Flooder');
    const bots = [ace, wrong, late, forger, flooder];
    expect(new Set(bots.map((bot) => bot.room.roomId)).size).toBe(1);
    // Sampled all round long: the right choice is never in state while a window is open.
    const openWithAnswer: number[] = [];
    const sampler = setInterval(() => {
      const { phase, correct } = wrong.room.state;
      if (phase === 'playing' && correct !== -1) openWithAnswer.push(correct);
    }, 5);

    // Ace answers right at once, then tries again; Wrong answers wrong; Late answers once the window has closed.
    ace.room.onMessage('question', (question: TriviaQuestionView) => {
      ace.messages.push({ type: 'question', message: question });
      ace.room.send('answer', { turn: question.turn, choice: choiceFor(question, true) });
      ace.room.send('answer', { turn: question.turn, choice: choiceFor(question, false) });
    });
    wrong.room.onMessage('question', (question: TriviaQuestionView) => {
      wrong.messages.push({ type: 'question', message: question });
      wrong.room.send('answer', { turn: question.turn, choice: choiceFor(question, false) });
    });
    late.room.onMessage('question', (question: TriviaQuestionView) => {
      late.messages.push({ type: 'question', message: question });
      // Same machine, same clock: just after the server's deadline.
      setTimeout(
        () => late.room.send('answer', { turn: question.turn, choice: choiceFor(question, true) }),
        question.closesAt + 5 - Date.now(),
      );
    });

    for (const bot of bots) bot.room.send('ready', { ready: true });
    await until(() => ace.room.state.phase === 'playing', 'trivia playing');
    const firstQuestion = await until(
      () => received<TriviaQuestionView>(forger, 'question')[0],
      'question 1',
    );
    expect(firstQuestion).not.toHaveProperty('answer');
    expect(firstQuestion).not.toHaveProperty('correct');
    forger.room.send('answer', { turn: 0, choice: 0, score: 5_000 });
    for (let i = 0; i < 200; i++) flooder.room.send('answer', { turn: 0, choice: i % 4 });
    expect(await dropped(forger)).not.toBe(4000);
    expect(await dropped(flooder)).not.toBe(4000);

    for (const bot of [ace, wrong, late]) await resultOf(bot);
    await until(() => roundOver(ace.room.state) && roundOver(wrong.room.state), 'round over in state');
    clearInterval(sampler);
    expect(openWithAnswer).toEqual([]);
    expect(ace.room.state.players.size).toBe(3);
    expect(ace.room.state.players.has(forger.room.sessionId)).toBe(false);
    for (const bot of [ace, wrong, late]) expect(bot.room.connection.isOpen).toBe(true);

    // Each member read the questions in their language where the pack had it, else in English.
    const localesOf = (bot: Heard) =>
      new Set(received<TriviaQuestionView>(bot, 'question').map((q) => q.locale));
    expect([...localesOf(ace)]).toEqual(['en']);
    for (const locale of localesOf(late)) expect(['zh-Hant', 'en']).toContain(locale);
    for (const locale of localesOf(wrong)) expect(['vi', 'en']).toContain(locale);

    const answered = (bot: Heard) => received<{ outcome: string }>(bot, 'answered').map((a) => a.outcome);
    expect(answered(ace)).toEqual(Array.from({ length: 5 }, () => ['accepted', 'duplicate']).flat());
    expect(answered(late)).toEqual(['late', 'late', 'late', 'late', 'late']);

    const [aceResult, wrongResult, lateResult] = await Promise.all([ace, wrong, late].map(resultOf));
    expect(aceResult).toMatchObject({
      gameId: 'trivia',
      rank: 1,
      players: 3,
      won: true,
      prize: { prizeId: 'lounge-day-pass' },
    });
    expect(aceResult!.score).toBeGreaterThanOrEqual(3_000);
    expect(wrongResult).toMatchObject({ score: 0, rank: 2, won: false, prize: null });
    expect(lateResult).toMatchObject({ score: 0, rank: 2, won: false });
    expect(ace.room.state.winner).toBe(ace.room.sessionId);
    expect(received(forger, 'roundResult')).toEqual([]);

    const me = await getJson('/api/members/me', ace.token);
    expect(questStep(me.body, 'play-trivia')).toBe(1);
    expect(questStep(me.body, 'trivia-score')).toBe(1);
    const board = await getJson('/api/games/trivia/leaderboard?period=daily');
    const names = board.body.entries.map((entry: { name: string }) => entry.name);
    expect(names[0]).toBe('Quiz Ace');
    expect(names.slice(1).sort()).toEqual(['Quiz Late', 'Quiz Wrong']);
  });
});

/** Grabs this bot's bags (and priority ones) as each passes its station, at the exact moment it is in front. */
function grabOwnBags(bot: Bot<BagsState>): () => void {
  const timers: NodeJS.Timeout[] = [];
  const seen = new Set<number>();
  const scan = setInterval(() => {
    const { state } = bot.room;
    const me = state.players.get(bot.room.sessionId);
    if (state.phase !== 'playing' || !me || me.station < 0) return;
    const station = state.stations[me.station]!;
    const mine = state.stationTags[me.station];
    state.bags.forEach((bag) => {
      if (seen.has(bag.id) || (bag.tag !== mine && bag.tag !== 'PRIORITY')) return;
      seen.add(bag.id);
      const t = bag.spawnAt + (station / state.speed) * 1000;
      timers.push(setTimeout(() => bot.room.send('grab', { bagId: bag.id, t }), Math.max(0, t - Date.now())));
    });
  }, 10);
  return () => {
    clearInterval(scan);
    for (const timer of timers) clearTimeout(timer);
  };
}

describe('Baggage Rush with real clients', () => {
  it('plays a full round: server-side carousel, grabs checked, a reach cheat and a flooder dropped', async () => {
    const names = ['Bag A', 'Bag B', 'Bag Reacher', 'Bag Flooder'];
    const bots: Bot<BagsState>[] = [];
    for (const name of names) bots.push(await join<BagsState>('bags', name));
    const [a, b, reacher, flooder] = bots as [Bot<BagsState>, Bot<BagsState>, Bot<BagsState>, Bot<BagsState>];
    expect(new Set(bots.map((bot) => bot.room.roomId)).size).toBe(1);
    const stops = [grabOwnBags(a), grabOwnBags(b)];
    for (const bot of bots) bot.room.send('ready', { ready: true });
    await until(() => a.room.state.phase === 'playing' && a.room.state.bags.size > 3, 'bags on the belt');

    // Reacher grabs a bag far from its own station, at a time the server can check.
    const { state } = reacher.room;
    const myStation = state.stations[state.players.get(reacher.room.sessionId)!.station]!;
    const t = Date.now();
    const far = [...state.bags.values()].find((bag) => {
      const at = ((t - bag.spawnAt) / 1000) * state.speed;
      const d = Math.abs(at - myStation) % state.length;
      return at < state.length && Math.min(d, state.length - d) > state.reach + 3;
    })!;
    expect(far).toBeDefined();
    reacher.room.send('grab', { bagId: far.id, t });
    expect(await dropped(reacher)).toBe(4420);
    expect(received(reacher, 'notice')).toEqual([{ code: 'impossibleInput' }]);

    for (let i = 0; i < 300; i++) flooder.room.send('grab', { bagId: 0, t: Date.now() });
    expect(await dropped(flooder)).not.toBe(4000);

    const [resultA, resultB] = await Promise.all([resultOf(a), resultOf(b)]);
    for (const stop of stops) stop();
    await until(() => roundOver(a.room.state) && roundOver(b.room.state), 'round over in state');
    for (const [bot, result] of [
      [a, resultA],
      [b, resultB],
    ] as const) {
      const grabbed = received<{ outcome: string }>(bot, 'grabbed');
      const accepted = grabbed.filter((entry) => entry.outcome === 'accepted').length;
      expect(accepted).toBeGreaterThan(0);
      // Honest grabs at the moment a bag is in front: only a race for a priority bag, or the final bell, beats them.
      expect(grabbed.every((entry) => ['accepted', 'taken', 'late', 'notNow'].includes(entry.outcome))).toBe(
        true,
      );
      expect(result.score).toBe(accepted * 100);
      expect(bot.room.state.players.get(bot.room.sessionId)?.score).toBe(result.score);
      expect(bot.room.connection.isOpen).toBe(true);
    }
    expect(a.room.state.players.size).toBe(2);
    expect(received(reacher, 'roundResult')).toEqual([]);
    expect(received(flooder, 'roundResult')).toEqual([]);
    const me = await getJson('/api/members/me', a.token);
    expect(questStep(me.body, 'play-bags')).toBe(1);
    const board = await getJson('/api/games/bags/leaderboard?period=daily');
    expect(board.body.entries.map((entry: { name: string }) => entry.name).sort()).toEqual([
      'Bag A',
      'Bag B',
    ]);
  });

  it('refuses a second seat for the same member at one cabinet', async () => {
    const bot = await join<BagsState>('bags', 'Twin');
    await expect(
      new Client(layover.url).joinById(bot.room.roomId, { token: bot.token }),
    ).rejects.toMatchObject({ code: 4421 });
  });
});
