import { validate } from '@colyseus/core';
import { bagsGame } from '../../../shared/content/games.ts';
import { BagGrab } from '../../../shared/protocol/games.ts';
import { Bag, BagsState } from '../../../shared/state/GameBagsState.ts';
import {
  type CarouselRules,
  type CarouselState,
  type Grab,
  resolveGrabs,
  type ScheduledBag,
  scheduleBags,
  stationPositions,
} from '../../domain/games/bags.ts';
import { GameRoom } from './game-room.ts';

/** How long a taken bag stays in state (for the client's pick-up animation). */
const TAKEN_VISIBLE_MS = 1_000;

const emptyCarousel = (): CarouselState => ({ taken: new Map(), scores: new Map(), wrongs: new Set() });

/**
 * Baggage Rush: bags from the round's seed ride a shared loop; players grab `{ bagId, t }` and the server decides,
 * each tick, in order of receive time then join order, against its own schedule, reach and ownership.
 */
export class BagsRoom extends GameRoom<BagsState> {
  override state = new BagsState();
  protected override readonly game = bagsGame;
  override maxMessagesPerSecond = 25;

  private rules: CarouselRules = this.game.carousel;
  private schedule = new Map<number, ScheduledBag>();
  private spawnOrder: ScheduledBag[] = [];
  private nextSpawn = 0;
  private carousel = emptyCarousel();
  private pending: Grab[] = [];
  protected override readonly inputRate = { burst: 6, perSecond: 6 };

  override messages = {
    ready: this.readyMessage,
    grab: validate(BagGrab, (client, input) => {
      const player = this.state.players.get(client.sessionId);
      if (!player) return;
      const receivedAt = Date.now();
      if (this.phase !== 'playing' || player.station < 0) {
        client.send('grabbed', { bagId: input.bagId, outcome: 'notNow' });
        return;
      }
      if (!this.takeInput(client.sessionId, receivedAt)) {
        client.send('grabbed', { bagId: input.bagId, outcome: 'rateLimited' });
        return;
      }
      const { bagId, t } = input;
      this.pending.push({
        key: client.sessionId,
        order: player.order,
        station: player.station,
        bagId,
        t,
        receivedAt,
      });
    }),
  };

  protected override prepareRound(): void {
    const seated = [...this.state.players.values()].sort((a, b) => a.order - b.order);
    seated.forEach((player, index) => {
      player.station = index;
    });
    // A faster clock (GAME_TIME_SCALE) runs the same game: the belt speeds up and bags come sooner.
    const { carousel } = this.game;
    this.rules = {
      ...carousel,
      speedMps: carousel.speedMps / this.timeScale,
      spawnEveryMs: Math.max(1, Math.round(carousel.spawnEveryMs * this.timeScale)),
    };
    this.state.length = this.rules.lengthM;
    this.state.speed = this.rules.speedMps;
    this.state.reach = this.rules.reachM;
    this.state.stations.clear();
    this.state.stations.push(...stationPositions(seated.length, this.rules.lengthM));
    this.state.stationTags.clear();
    this.state.bags.clear();
  }

  protected override beginPlay(now: number): void {
    const endAt = now + this.timing.turnMs;
    const { bags, stationTags } = scheduleBags(
      this.seed,
      { stations: this.state.stations.length, startAt: now, endAt },
      this.rules,
    );
    this.spawnOrder = bags;
    this.schedule = new Map(bags.map((bag) => [bag.id, bag]));
    this.nextSpawn = 0;
    this.carousel = emptyCarousel();
    this.pending = [];
    this.state.stationTags.push(...stationTags);
    this.setPhase('playing', endAt);
  }

  protected override advancePlay(now: number): void {
    const endsAt = this.state.phaseEndsAt;
    this.resolvePending(endsAt);
    this.moveCarousel(now);
    if (now < endsAt) return;
    for (const player of this.state.players.values()) player.station = -1;
    this.state.bags.clear();
    this.finishRound(now);
  }

  private resolvePending(endsAt: number): void {
    // Grabs of a sender dropped since (a flood, a bad message) count for nothing.
    const live = this.pending.filter((grab) => this.state.players.has(grab.key));
    const inTime = live.filter((grab) => grab.receivedAt <= endsAt);
    for (const grab of live)
      if (grab.receivedAt > endsAt)
        this.clientOf(grab.key)?.send('grabbed', { bagId: grab.bagId, outcome: 'late' });
    this.pending = [];
    if (inTime.length === 0) return;
    const stations = [...this.state.stations];
    const { state, results } = resolveGrabs(this.carousel, inTime, {
      bags: this.schedule,
      stations,
      rules: this.rules,
    });
    this.carousel = state;
    for (const { grab, outcome, points } of results) {
      const client = this.clientOf(grab.key);
      const player = this.state.players.get(grab.key);
      if (outcome === 'impossible') {
        if (client) this.expel(client);
        else this.state.players.delete(grab.key);
        continue;
      }
      client?.send('grabbed', { bagId: grab.bagId, outcome });
      if (!player) continue;
      if (outcome === 'accepted') {
        const bag = this.state.bags.get(String(grab.bagId));
        if (bag) bag.takenBy = grab.key;
      }
      if (points !== 0) {
        player.gain = points;
        player.score = state.scores.get(grab.key) ?? 0;
      }
    }
  }

  private moveCarousel(now: number): void {
    for (let next = this.spawnOrder[this.nextSpawn]; next && next.spawnAt <= now; ) {
      if (next.leavesAt > now) {
        const bag = new Bag();
        bag.id = next.id;
        bag.tag = next.tag;
        bag.spawnAt = next.spawnAt;
        this.state.bags.set(String(next.id), bag);
      }
      this.nextSpawn += 1;
      next = this.spawnOrder[this.nextSpawn];
    }
    for (const [key, bag] of this.state.bags) {
      const scheduled = this.schedule.get(bag.id);
      const taken = this.carousel.taken.get(bag.id);
      if (!scheduled || now >= scheduled.leavesAt || (taken && now >= taken.at + TAKEN_VISIBLE_MS))
        this.state.bags.delete(key);
    }
  }
}
