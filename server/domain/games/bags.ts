import type { BagsGame } from '../../../shared/content/games.ts';
import type { InputOutcome } from '../../../shared/protocol/games.ts';
import { pick, seededRandom, shuffled } from './random.ts';

export type CarouselRules = BagsGame['carousel'];

/** Destination tags printed on bags; stations take the first ones of a seeded shuffle, decoys the rest. */
export const BAG_TAGS = ['HAN', 'SGN', 'DAD', 'TPE', 'HKG', 'SIN', 'BKK', 'PVG', 'NRT', 'ICN'] as const;
/** Tag of a priority bag (BagsState shows it like any other tag). */
export const PRIORITY_TAG = 'PRIORITY';

/** How long ago a grab's `t` may be (lag the server forgives) and how far ahead of the server's clock. */
export const GRAB_WINDOW_MS = 500;
export const GRAB_FUTURE_SLACK_MS = 150;
/** Beyond reach by less than this is a miss (lag, a slow hand); further out no honest client grabs: drop. */
export const GRAB_REACH_SLACK_M = 1;
/** Owner of a priority bag: right for every player, so the first grab received takes it. */
export const PRIORITY = -2;

/** A bag of the round's schedule; the server knows them all in advance, clients see them as they spawn. */
export interface ScheduledBag {
  id: number;
  /** Station index it belongs to; -1 for a decoy nobody should take, PRIORITY for one anybody may. */
  owner: number;
  tag: string;
  spawnAt: number;
  /** When it rides back into the chute, one lap after spawning. */
  leavesAt: number;
}

/** Stations spaced evenly around the loop, away from the chute at 0. */
export function stationPositions(count: number, lengthM: number): number[] {
  return Array.from({ length: count }, (_, index) => (lengthM * (index + 0.5)) / count);
}

/** The round's bags and station tags, all from the seed: one every `spawnEveryMs` (with jitter) until the end. */
export function scheduleBags(
  seed: number,
  round: { stations: number; startAt: number; endAt: number },
  rules: CarouselRules,
): { bags: ScheduledBag[]; stationTags: string[] } {
  const random = seededRandom(seed, 0x62616773);
  const tags = shuffled(BAG_TAGS, random);
  const stationTags = tags.slice(0, round.stations);
  const decoyTags = tags.slice(round.stations);
  const lapMs = (rules.lengthM / rules.speedMps) * 1000;
  const bags: ScheduledBag[] = [];
  for (let id = 0; ; id++) {
    const spawnAt = round.startAt + id * rules.spawnEveryMs + Math.floor(random() * rules.spawnEveryMs * 0.5);
    if (spawnAt >= round.endAt) break;
    const roll = random();
    const decoy = decoyTags.length > 0 && roll < rules.decoyShare;
    const priority = !decoy && roll < rules.decoyShare + rules.priorityShare;
    const owner = decoy ? -1 : priority ? PRIORITY : pick(random, round.stations);
    const tag = decoy
      ? (decoyTags[pick(random, decoyTags.length)] as string)
      : priority
        ? PRIORITY_TAG
        : (stationTags[owner] as string);
    bags.push({ id, owner, tag, spawnAt, leavesAt: spawnAt + lapMs });
  }
  return { bags, stationTags };
}

/** Where a bag is along the loop at `t` (metres from the chute), or null when it is not on the carousel then. */
export function bagPosition(bag: ScheduledBag, t: number, rules: CarouselRules): number | null {
  if (t < bag.spawnAt || t >= bag.leavesAt) return null;
  return (((t - bag.spawnAt) / 1000) * rules.speedMps) % rules.lengthM;
}

/** Shortest distance between two places on a loop of `length`. */
export function loopDistance(a: number, b: number, length: number): number {
  const d = Math.abs(a - b) % length;
  return Math.min(d, length - d);
}

/** One grab as the room received it. */
export interface Grab {
  key: string;
  /** Join order of the player; breaks ties on receive time (lower first). */
  order: number;
  station: number;
  bagId: number;
  t: number;
  receivedAt: number;
}

/** What the carousel remembers between grabs: who took which bag, scores, and wrong grabs already counted. */
export interface CarouselState {
  taken: ReadonlyMap<number, { by: string; at: number }>;
  scores: ReadonlyMap<string, number>;
  /** `${key}:${bagId}` of wrong grabs already penalised (a replay counts once). */
  wrongs: ReadonlySet<string>;
}

export interface GrabResult {
  grab: Grab;
  outcome: InputOutcome | 'impossible';
  /** Score change for the grabbing player (after the floor at 0). */
  points: number;
}

/**
 * Resolves grabs in order of server receive time, then join order: each is checked against the server's schedule,
 * the bag's place at `t`, the player's reach, whose bag it is and whether someone took it first.
 */
export function resolveGrabs(
  state: CarouselState,
  grabs: readonly Grab[],
  context: { bags: ReadonlyMap<number, ScheduledBag>; stations: readonly number[]; rules: CarouselRules },
): { state: CarouselState; results: GrabResult[] } {
  const taken = new Map(state.taken);
  const scores = new Map(state.scores);
  const wrongs = new Set(state.wrongs);
  const { rules } = context;
  const ordered = [...grabs].sort((a, b) => a.receivedAt - b.receivedAt || a.order - b.order);
  // After one impossible grab the sender is dropped: nothing else it sent counts.
  const dropped = new Set<string>();
  const results = ordered.map((grab): GrabResult => {
    const judged = dropped.has(grab.key) ? 'impossible' : judgeGrab(grab, context, taken, wrongs);
    if (judged === 'impossible') dropped.add(grab.key);
    let points = 0;
    if (judged === 'accepted') {
      taken.set(grab.bagId, { by: grab.key, at: grab.receivedAt });
      points = rules.rightPoints;
    } else if (judged === 'wrong') {
      wrongs.add(`${grab.key}:${grab.bagId}`);
      points = 0 - Math.min(rules.wrongPenalty, scores.get(grab.key) ?? 0);
    }
    if (points !== 0) scores.set(grab.key, (scores.get(grab.key) ?? 0) + points);
    return { grab, outcome: judged, points };
  });
  return { state: { taken, scores, wrongs }, results };
}

function judgeGrab(
  grab: Grab,
  context: { bags: ReadonlyMap<number, ScheduledBag>; stations: readonly number[]; rules: CarouselRules },
  taken: ReadonlyMap<number, { by: string }>,
  wrongs: ReadonlySet<string>,
): InputOutcome | 'impossible' {
  const bag = context.bags.get(grab.bagId);
  const station = context.stations[grab.station];
  // A bag the client cannot have seen, a time ahead of the server's clock, or a station it does not hold.
  if (!bag || station === undefined || bag.spawnAt > grab.receivedAt) return 'impossible';
  if (grab.t > grab.receivedAt + GRAB_FUTURE_SLACK_MS || grab.t < bag.spawnAt) return 'impossible';
  const at = bagPosition(bag, grab.t, context.rules);
  if (at === null) return 'gone';
  // Far out of reach is impossible whatever became of the bag since.
  const distance = loopDistance(at, station, context.rules.lengthM);
  if (distance > context.rules.reachM + GRAB_REACH_SLACK_M) return 'impossible';
  const holder = taken.get(grab.bagId);
  if (holder) return holder.by === grab.key ? 'duplicate' : 'taken';
  if (wrongs.has(`${grab.key}:${grab.bagId}`)) return 'duplicate';
  if (grab.t < grab.receivedAt - GRAB_WINDOW_MS) return 'late';
  if (distance > context.rules.reachM) return 'missed';
  return bag.owner === grab.station || bag.owner === PRIORITY ? 'accepted' : 'wrong';
}
