// Benchmark 7: the game rooms filled to their size, Gate Trivia of 20 and Baggage Rush of 6. In each, one probe player
// (@colyseus/sdk) times its own game action to the first patch that shows the action took effect, while the other
// players (sdk clients too: they need the questions and the bags to play) ready up, answer and grab on their own timers.
// Trivia: from sending `answer` to the patch that shows the probe's `answered` flag (its answer counted). Baggage Rush:
// from sending `grab` for a bag in front of its station to the patch that shows the bag taken by the probe.
import { Client, type Room } from '@colyseus/sdk';
import { PRIORITY_TAG } from '../../../server/domain/games/bags.ts';
import { bagsGame, triviaGame } from '../../../shared/content/games.ts';
import type { InputOutcome, TriviaQuestionView } from '../../../shared/protocol/games.ts';
import { GameRoomName } from '../../../shared/rooms.ts';
import type { BagsState } from '../../../shared/state/GameBagsState.ts';
import type { GameState } from '../../../shared/state/GameState.ts';
import type { TriviaState } from '../../../shared/state/GameTriviaState.ts';
import { cpuMeter, fixed, met, percentile, sleep, table } from './report.ts';
import type { BenchServer } from './server-process.ts';

/** Probe trials in each room. */
const TRIALS = Number(process.env.SCALE_GAMES_TRIALS ?? 100);
/** Rooms of each game played at once, each with its own probe (per-core capacity: CPU % per room). */
const ROOMS = Number(process.env.SCALE_GAMES_ROOMS ?? 1);
/**
 * GAME_TIME_SCALE the bench server runs with (scale.ts hands it over): 1 is production pacing, where 100 trivia answers
 * take 20 rounds of over a minute each. Shorter phases leave the 50 ms tick and every message path as they are; they only
 * make rounds (and so answers, grabs and bags) come sooner, so CPU % is an upper bound of production's.
 */
export const GAMES_TIME_SCALE = Number(process.env.SCALE_GAMES_TIME_SCALE ?? 0.25);
const TRIAL_TIMEOUT_MS = 2000;
/** A room whose probe records no trial for this long has stopped playing: the bench fails rather than hang. */
const STALL_MS = 60_000;
const P99_TARGET_MS = 75;
const LAG_TARGET_MS = 10;

type GameRoomOf<S extends GameState> = Room<unknown, S>;

/** What one probe measured in one room. */
interface ProbeResult {
  latencies: number[];
  /** From sending to the direct reply (`answered` / `grabbed`), for the trials that took effect. */
  replies: number[];
  timeouts: number;
  /** Actions the server refused (any outcome but `accepted`): no effect to time. */
  refused: Map<string, number>;
  rounds: number;
  /** Players (probe or others) the server dropped before the end: an honest player never is. */
  dropped: number;
}

const newResult = (): ProbeResult => ({
  latencies: [],
  replies: [],
  timeouts: 0,
  refused: new Map(),
  rounds: 0,
  dropped: 0,
});

const trials = (result: ProbeResult) =>
  result.latencies.length + result.timeouts + [...result.refused.values()].reduce((a, b) => a + b, 0);

/** One timed action of the probe. */
interface Trial {
  /** The direct reply (`answered` / `grabbed`) came back accepted. */
  replied: () => void;
  /** The effect showed (`accepted`), or the server refused it (another outcome); no outcome is a timeout. */
  settle: (outcome?: InputOutcome) => void;
}

/** Starts timing one action into `result`; `ended` runs once it is settled (or timed out). */
function startTrial(result: ProbeResult, ended: () => void): Trial {
  const t0 = performance.now();
  let reply: number | undefined;
  let open = true;
  const trial: Trial = {
    replied: () => {
      reply ??= performance.now() - t0;
    },
    settle: (outcome) => {
      if (!open) return;
      open = false;
      clearTimeout(timer);
      if (outcome === undefined) result.timeouts += 1;
      else if (outcome === 'accepted') {
        result.latencies.push(performance.now() - t0);
        if (reply !== undefined) result.replies.push(reply);
      } else result.refused.set(outcome, (result.refused.get(outcome) ?? 0) + 1);
      ended();
    },
  };
  const timer = setTimeout(() => trial.settle(), TRIAL_TIMEOUT_MS);
  return trial;
}

/** One room being played, as `measure` drives it. */
interface Table {
  result: ProbeResult;
  /** The probe saw its first round start. */
  started: () => boolean;
  /** Resolves once the probe has its TRIALS. */
  finished: Promise<void>;
  /** No trial recorded for STALL_MS. */
  stalled: () => boolean;
  close: () => Promise<void>;
}

/** The bookkeeping every table shares: when it is done, and whether it stalled. */
function progress(result: ProbeResult): {
  finished: Promise<void>;
  recorded: () => void;
  stalled: () => boolean;
} {
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  let lastAt = performance.now();
  return {
    finished,
    recorded: () => {
      lastAt = performance.now();
      if (trials(result) >= TRIALS) done();
    },
    stalled: () => performance.now() - lastAt > STALL_MS,
  };
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error(`games bench: ${what} did not happen in ${timeoutMs} ms`);
    await sleep(10);
  }
}

/** Takes a seat (the first player creates the room); resolves once the player sees itself seated. */
async function seat<S extends GameState>(
  url: string,
  game: string,
  token: string,
  roomId?: string,
): Promise<GameRoomOf<S>> {
  const client = new Client(url);
  const room = roomId ? await client.joinById<S>(roomId, { token }) : await client.create<S>(game, { token });
  // Round results and notices are not timed: taken and ignored.
  room.onMessage('*', () => {});
  await until(() => Boolean(room.state?.players?.get(room.sessionId)), 10_000, `a ${game} seat`);
  return room as GameRoomOf<S>;
}

/** Fills one room: the probe creates it, the others join it one after the other; `leave` takes them all out. */
async function fill<S extends GameState>(
  url: string,
  game: string,
  tokens: readonly string[],
  result: ProbeResult,
): Promise<{ probe: GameRoomOf<S>; others: GameRoomOf<S>[]; leave: () => Promise<void> }> {
  const probe = await seat<S>(url, game, tokens[0]!);
  const others: GameRoomOf<S>[] = [];
  for (const token of tokens.slice(1)) others.push(await seat<S>(url, game, token, probe.roomId));
  let leaving = false;
  for (const room of [probe, ...others])
    room.onLeave(() => {
      if (!leaving) result.dropped += 1;
    });
  const leave = async () => {
    leaving = true;
    await Promise.all([...others, probe].map((room) => room.leave().catch(() => 0)));
  };
  return { probe, others, leave };
}

/** Readies up a moment (300-1000 ms, like a person clicking) after each lobby opens; returns a stop. */
function readyInLobbies<S extends GameState>(room: GameRoomOf<S>): () => void {
  let pending: NodeJS.Timeout | undefined;
  const scan = setInterval(() => {
    const me = room.state.players.get(room.sessionId);
    if (pending || room.state.phase !== 'lobby' || !me || me.ready) return;
    pending = setTimeout(
      () => {
        pending = undefined;
        if (room.state.phase === 'lobby') room.send('ready', { ready: true });
      },
      300 + Math.random() * 700,
    );
  }, 50);
  return () => {
    clearInterval(scan);
    clearTimeout(pending);
  };
}

/** Counts rounds the probe saw start (countdowns). */
function countRounds<S extends GameState>(room: GameRoomOf<S>, result: ProbeResult): void {
  let phase = room.state.phase;
  room.onStateChange(() => {
    if (room.state.phase === 'countdown' && phase !== 'countdown') result.rounds += 1;
    phase = room.state.phase;
  });
}

// Gate Trivia.

/** A player answering each question with a random choice, `share` (0..1, drawn from `[from, to]`) into its window. */
function answerQuestions(
  room: GameRoomOf<TriviaState>,
  from: number,
  to: number,
  send: (question: TriviaQuestionView, choice: number) => void = (question, choice) =>
    room.send('answer', { turn: question.turn, choice }),
): () => void {
  const timers = new Set<NodeJS.Timeout>();
  room.onMessage('question', (question: TriviaQuestionView) => {
    const windowMs = question.closesAt - question.opensAt;
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        send(question, Math.floor(Math.random() * question.choices.length));
      },
      windowMs * (from + Math.random() * (to - from)),
    );
    timers.add(timer);
  });
  return () => {
    for (const timer of timers) clearTimeout(timer);
  };
}

/** One trivia room: the probe answers TRIALS questions, timing each answer to the patch that shows it answered. */
async function triviaTable(
  url: string,
  tokens: readonly string[],
  measured: { windowMs: number },
): Promise<Table> {
  const result = newResult();
  const { probe, others, leave } = await fill<TriviaState>(url, GameRoomName.trivia, tokens, result);
  countRounds(probe, result);
  const stops = [...others, probe].map((room) => readyInLobbies(room));
  // The others answer 10-70% into the window (the window closes early once all have answered).
  stops.push(...others.map((room) => answerQuestions(room, 0.1, 0.7)));

  const { finished, recorded, stalled } = progress(result);
  let trial: Trial | undefined;
  probe.onStateChange(() => {
    if (trial && probe.state.players.get(probe.sessionId)?.answered) trial.settle('accepted');
  });
  probe.onMessage('answered', (reply: { turn: number; outcome: InputOutcome }) => {
    if (reply.outcome === 'accepted') trial?.replied();
    else trial?.settle(reply.outcome);
  });
  // The probe answers 10-60% into the window: mostly before the last of the others, so its patch is its own answer's.
  stops.push(
    answerQuestions(probe, 0.1, 0.6, (question, choice) => {
      measured.windowMs = question.closesAt - question.opensAt;
      if (trial || trials(result) >= TRIALS) return;
      if (probe.state.players.get(probe.sessionId)?.answered) return;
      trial = startTrial(result, () => {
        trial = undefined;
        recorded();
      });
      probe.send('answer', { turn: question.turn, choice });
    }),
  );
  return {
    result,
    started: () => result.rounds > 0,
    finished,
    stalled,
    close: async () => {
      for (const stop of stops) stop();
      await leave();
    },
  };
}

// Baggage Rush.

/** When a bag passes `station` (metres along the loop), in server epoch ms: bags ride one lap from the chute at 0. */
const passesAt = (state: BagsState, spawnAt: number, station: number) =>
  spawnAt + (station / state.speed) * 1000;

/** Whether a bag is in front of `station` at `now`, well inside reach (a grab far out of reach drops the sender). */
function inFront(state: BagsState, spawnAt: number, station: number, now: number): boolean {
  const at = (((now - spawnAt) / 1000) * state.speed) % state.length;
  const d = Math.abs(at - station);
  return now >= spawnAt && Math.min(d, state.length - d) <= state.reach / 2;
}

/**
 * A player grabbing the bags tagged for its station (and priority bags) the moment each passes in front of it;
 * `grab` lets the probe time its own. The bench runs on one machine: Date.now() is the server's clock.
 */
function grabBags(
  room: GameRoomOf<BagsState>,
  priority: boolean,
  grab: (bagId: number) => void = (bagId) => room.send('grab', { bagId, t: Date.now() }),
): () => void {
  const timers = new Set<NodeJS.Timeout>();
  const seen = new Set<string>();
  let round = -1;
  const scan = setInterval(() => {
    const { state } = room;
    const me = state.players.get(room.sessionId);
    if (state.phase !== 'playing' || !me || me.station < 0) return;
    if (state.round !== round) {
      round = state.round;
      seen.clear();
    }
    const station = state.stations[me.station];
    const mine = state.stationTags[me.station];
    if (station === undefined) return;
    state.bags.forEach((bag) => {
      const key = String(bag.id);
      if (seen.has(key) || (bag.tag !== mine && !(priority && bag.tag === PRIORITY_TAG))) return;
      seen.add(key);
      const { spawnAt } = bag;
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          const now = room.state;
          const still = now.bags.get(key);
          // Bag ids start again each round: only this round's bag, still riding, and in front now.
          if (now.phase !== 'playing' || now.round !== round || !still || still.spawnAt !== spawnAt) return;
          if (still.takenBy === '' && inFront(now, spawnAt, station, Date.now())) grab(bag.id);
        },
        Math.max(0, passesAt(state, bag.spawnAt, station) - Date.now()),
      );
      timers.add(timer);
    });
  }, 10);
  return () => {
    clearInterval(scan);
    for (const timer of timers) clearTimeout(timer);
  };
}

/** One Baggage Rush room: the probe times each grab of its own bags (and priority ones) to the patch that shows it took it. */
async function bagsTable(
  url: string,
  tokens: readonly string[],
  measured: { speed: number },
): Promise<Table> {
  const result = newResult();
  const { probe, others, leave } = await fill<BagsState>(url, GameRoomName.bags, tokens, result);
  countRounds(probe, result);
  const stops = [...others, probe].map((room) => readyInLobbies(room));
  // The probe holds station 0 (it joined first), the first the belt passes: priority bags reach it before anyone.
  stops.push(...others.map((room) => grabBags(room, true)));

  const { finished, recorded, stalled } = progress(result);
  const pending = new Map<string, Trial>();
  probe.onStateChange(() => {
    if (probe.state.speed > 0) measured.speed = probe.state.speed;
    for (const [key, trial] of pending)
      if (probe.state.bags.get(key)?.takenBy === probe.sessionId) trial.settle('accepted');
  });
  probe.onMessage('grabbed', (reply: { bagId: number; outcome: InputOutcome }) => {
    const trial = pending.get(String(reply.bagId));
    if (reply.outcome === 'accepted') trial?.replied();
    else trial?.settle(reply.outcome);
  });
  stops.push(
    grabBags(probe, true, (bagId) => {
      const key = String(bagId);
      if (pending.has(key) || trials(result) + pending.size >= TRIALS) return;
      pending.set(
        key,
        startTrial(result, () => {
          pending.delete(key);
          recorded();
        }),
      );
      probe.send('grab', { bagId, t: Date.now() });
    }),
  );
  return {
    result,
    started: () => result.rounds > 0,
    finished,
    stalled,
    close: async () => {
      for (const stop of stops) stop();
      await leave();
    },
  };
}

interface Measured {
  game: string;
  players: number;
  action: string;
  pace: string;
  result: ProbeResult;
  cpuPercent: number;
  lagP99: number;
  generatorPercent: number;
  seconds: number;
}

/** Fills ROOMS rooms of one game, lets the first round start, then measures until every probe has its TRIALS. */
async function measure(
  server: BenchServer,
  game: string,
  players: number,
  prefix: string,
  open: (tokens: readonly string[]) => Promise<Table>,
): Promise<{
  result: ProbeResult;
  cpuPercent: number;
  lagP99: number;
  generatorPercent: number;
  seconds: number;
}> {
  const tokens = await server.sessions(players * ROOMS, prefix);
  const tables: Table[] = [];
  for (let room = 0; room < ROOMS; room++)
    tables.push(await open(tokens.slice(room * players, (room + 1) * players)));
  try {
    await until(() => tables.every((one) => one.started()), 60_000, `the first ${game} round`);
    await server.mark();
    const generator = cpuMeter();
    const startAt = performance.now();
    let stalled: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(tables.map((one) => one.finished)),
      new Promise<never>((_, reject) => {
        stalled = setInterval(() => {
          if (tables.some((one) => one.stalled()))
            reject(new Error(`games bench: a ${game} probe recorded no trial for ${STALL_MS / 1000} s`));
        }, 1000);
      }),
    ]).finally(() => clearInterval(stalled));
    const seconds = (performance.now() - startAt) / 1000;
    const sample = await server.sample();
    const generatorPercent = generator().cores * 100;
    const result = newResult();
    for (const { result: one } of tables) {
      result.latencies.push(...one.latencies);
      result.replies.push(...one.replies);
      result.timeouts += one.timeouts;
      result.rounds += one.rounds;
      result.dropped += one.dropped;
      for (const [outcome, count] of one.refused)
        result.refused.set(outcome, (result.refused.get(outcome) ?? 0) + count);
    }
    return {
      result,
      cpuPercent: (sample.cpuMs / sample.wallMs) * 100,
      lagP99: sample.lag.p99,
      generatorPercent,
      seconds,
    };
  } finally {
    await Promise.all(tables.map((one) => one.close()));
  }
}

function roomTable(m: Measured): string {
  const { latencies, replies, timeouts, refused, rounds, dropped } = m.result;
  const p = (q: number) => percentile(latencies, q);
  const refusedText = [...refused].map(([outcome, count]) => `${count} ${outcome}`).join(', ') || '0';
  return [
    `**${m.game}**, ${ROOMS} room${ROOMS === 1 ? '' : 's'} of ${m.players} at once: ${m.action}. ${m.pace}`,
    '',
    table(
      [
        'Rooms',
        'Trials',
        'Timeouts',
        'Refused',
        'min ms',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'Reply p99 ms',
        'Rounds',
        'Players dropped',
        'Seconds',
        'Server CPU %',
        'CPU % per room',
        'Server lag p99 ms',
        'Generator CPU %',
      ],
      [
        [
          String(ROOMS),
          String(trials(m.result)),
          String(timeouts),
          refusedText,
          fixed(Math.min(...latencies)),
          fixed(p(50)),
          fixed(p(95)),
          fixed(p(99)),
          fixed(Math.max(...latencies)),
          fixed(percentile(replies, 99)),
          String(rounds),
          String(dropped),
          fixed(m.seconds, 0),
          fixed(m.cpuPercent, 0),
          fixed(m.cpuPercent / ROOMS, 1),
          fixed(m.lagP99, 2),
          fixed(m.generatorPercent, 0),
        ],
      ],
      [true, true, true, false, true, true, true, true, true, true, true, true, true, true, true, true, true],
    ),
  ].join('\n');
}

const targetRows = (m: Measured, action: string): string[][] => {
  const p99 = percentile(m.result.latencies, 99);
  return [
    [
      `${m.game}: ${action} p99 <= ${P99_TARGET_MS} ms`,
      `${fixed(p99)} ms`,
      met(p99 <= P99_TARGET_MS && m.result.timeouts === 0 && m.result.dropped === 0),
    ],
    [
      `${m.game}: server lag p99 <= ${LAG_TARGET_MS} ms`,
      `${fixed(m.lagP99, 2)} ms`,
      met(m.lagP99 <= LAG_TARGET_MS),
    ],
  ];
};

export async function gameRoomLatency(server: BenchServer, command: string, facts: string): Promise<string> {
  const trivia = { windowMs: 0 };
  const triviaRun = await measure(server, 'Gate Trivia', triviaGame.maxPlayers, 'gt', (tokens) =>
    triviaTable(server.url, tokens, trivia),
  );
  const triviaScale = trivia.windowMs / triviaGame.timing.turnMs;
  const triviaMeasured: Measured = {
    game: 'Gate Trivia',
    players: triviaGame.maxPlayers,
    action:
      'the probe answers each question 10-60% into its window, timed from `answer` to the patch that shows its `answered` flag (its answer counted); the others answer 10-70% in, a random choice',
    pace: `Answer window ${fixed(trivia.windowMs, 0)} ms (GAME_TIME_SCALE ${fixed(triviaScale, 2)} as measured).`,
    ...triviaRun,
  };

  const bags = { speed: 0 };
  const bagsRun = await measure(server, 'Baggage Rush', bagsGame.maxPlayers, 'br', (tokens) =>
    bagsTable(server.url, tokens, bags),
  );
  const bagsScale = bags.speed > 0 ? bagsGame.carousel.speedMps / bags.speed : Number.NaN;
  const bagsMeasured: Measured = {
    game: 'Baggage Rush',
    players: bagsGame.maxPlayers,
    action:
      'the probe (station 0, the first the belt passes) grabs each bag tagged for it and each priority bag as it passes, timed from `grab` to the patch that shows the bag taken by it; the others grab theirs and priority bags the same way',
    pace: `Belt ${fixed(bags.speed, 1)} m/s (GAME_TIME_SCALE ${fixed(bagsScale, 2)} as measured).`,
    ...bagsRun,
  };

  return [
    `### 7. Game rooms: Gate Trivia of ${triviaGame.maxPlayers}, Baggage Rush of ${bagsGame.maxPlayers} (\`${command}\`)`,
    '',
    `${facts} Every player is an @colyseus/sdk client on a guest session, readying up 0.3-1 s into each lobby; one probe per room. Phases run at GAME_TIME_SCALE ${GAMES_TIME_SCALE} (SCALE_GAMES_TIME_SCALE; 1 is production): the 50 ms tick and the message paths are the same, rounds come sooner, so CPU % is at most production's. Reply p99: to the direct \`answered\` / \`grabbed\` reply. Refused: actions the server did not accept (no effect to time).`,
    '',
    roomTable(triviaMeasured),
    '',
    roomTable(bagsMeasured),
    '',
    table(
      ['Target', 'Measured', 'Met'],
      [...targetRows(triviaMeasured, 'answer to patch'), ...targetRows(bagsMeasured, 'grab to patch')],
    ),
  ].join('\n');
}
