import { randomInt } from 'node:crypto';
import { type Client, Room, ServerError, validate } from '@colyseus/core';
import { z } from 'zod';
import type { GameInfo, GameTiming } from '../../../shared/content/games.ts';
import { TRIVIA_LOCALES, type TriviaLocale } from '../../../shared/content/trivia-schema.ts';
import {
  GameJoinErrorCode,
  GameJoinOptions,
  GameLeaveCode,
  type GamePhase,
  GameReady,
  type GameServerMessages,
} from '../../../shared/protocol/games.ts';
import { JoinErrorCode } from '../../../shared/protocol/join.ts';
import { GamePlayer, type GameState } from '../../../shared/state/GameState.ts';
import { admitMember } from '../../auth/admission.ts';
import type { AppContext } from '../../context.ts';
import { lobbyStarts, rankRound, roundWinner } from '../../domain/games/rounds.ts';
import type { RateLimit } from '../../domain/rate-limit.ts';
import { RoundResults } from '../../games/round-results.ts';
import type { DropReason } from '../../observability/metrics.ts';
import { memberLimiter, ROOM_LIMITS } from '../parts/member-limits.ts';
import { MemberWatch } from '../parts/member-watch.ts';
import { isNetworkDrop } from '../parts/network-drop.ts';
import { withBatchedWrites } from '../parts/tick-writes.ts';

export interface GameAuth {
  memberId: string;
  /** The session the player joined with (its stored hash): where a later re-check finds it revoked. */
  sessionKey: string;
  name: string;
  /** The language trivia questions come in. */
  locale: TriviaLocale;
}

export type GameClient = Client<{ auth: GameAuth; messages: GameServerMessages }>;

/** Options `defineGameRooms` passes; defined options override a client's, so players cannot change them. */
export const GameRoomOptions = z.object({ timeScale: z.number().positive().max(4).default(1) });
export type GameRoomOptions = z.input<typeof GameRoomOptions>;
/** What every game room is created with: the process's context and its timing options. */
export type GameRoomCreateOptions = GameRoomOptions & { ctx: AppContext };

/** How long a dropped player may reconnect into the same seat, in seconds. */
export const GAME_RECONNECT_SECONDS = 10;
const TICK_MS = 50;

/**
 * What every game cabinet shares: seats, lobby, countdown, results and recording them. Each game adds its play
 * phase (`beginPlay`, `advancePlay`) and inputs; rules live in server/domain/games.
 */
export abstract class GameRoom<S extends GameState> extends Room<{ state: S; client: GameClient }> {
  override maxMessagesPerSecond = 20;

  protected abstract readonly game: GameInfo;
  protected ctx!: AppContext;
  protected timing!: GameTiming;
  /** GAME_TIME_SCALE: every duration is multiplied by it (and the carousel's speed divided). */
  protected timeScale = 1;
  /** The round's secret seed: wind, questions, bags all come from it. */
  protected seed = 0;
  private nextOrder = 0;
  /** The game's own input (a throw, an answer, a grab): `burst` at once, then `perSecond` of game time. */
  protected abstract readonly inputRate: { burst: number; perSecond: number };
  private inputLimit!: RateLimit;
  private results!: RoundResults;
  private watch!: MemberWatch;

  /** Lobby input shared by every game: ready or not. */
  protected readonly readyMessage = validate(GameReady, (client, input) => {
    const player = this.state.players.get(client.sessionId);
    if (!player || this.state.phase !== 'lobby') return;
    if (!memberLimiter(this.ctx, ROOM_LIMITS.gameReady).take(player.memberId, Date.now()))
      return this.dropped('readyRateLimited');
    player.ready = input.ready;
  });

  override onCreate(options: GameRoomCreateOptions): void {
    this.ctx = options.ctx;
    const { timeScale } = GameRoomOptions.parse({ timeScale: options.timeScale });
    this.timeScale = timeScale;
    this.inputLimit = {
      name: `${this.game.id}Input`,
      capacity: this.inputRate.burst,
      perSecond: this.inputRate.perSecond / timeScale,
    };
    this.watch = new MemberWatch(this.ctx, () => this.clients);
    const scale = (ms: number) => Math.round(ms * timeScale);
    const t = this.game.timing;
    this.timing = {
      lobbyMs: scale(t.lobbyMs),
      countdownMs: scale(t.countdownMs),
      turnMs: Math.max(1, scale(t.turnMs)),
      revealMs: scale(t.revealMs),
      resultsMs: scale(t.resultsMs),
    };
    this.maxClients = this.game.maxPlayers;
    this.state.gameId = this.game.id;
    this.state.turns = this.game.turns;
    this.state.minPlayers = this.game.minPlayers;
    this.state.maxPlayers = this.game.maxPlayers;
    this.results = new RoundResults(this.ctx, this.game.id, this.game.winnerPrize, (memberId, result) =>
      this.sendToMember(memberId, 'roundResult', result),
    );
    this.setSimulationInterval(
      () =>
        withBatchedWrites(this.clients, () => {
          this.tick(Date.now());
          this.broadcastPatch();
        }),
      TICK_MS,
    );
    // The patch goes out at the end of each tick, with the tick's messages in one socket write per client, not on a
    // timer of its own (set after the simulation interval, so no extra clock timer starts).
    this.patchRate = null;
  }

  override async onAuth(client: Client, options: unknown): Promise<GameAuth> {
    const {
      member,
      options: joining,
      session,
    } = await admitMember(
      this.ctx,
      options,
      {
        kind: 'game',
        options: GameJoinOptions,
        check: (admitted) => {
          if (this.seatOf(admitted.memberId))
            throw new ServerError(GameJoinErrorCode.alreadySeated, 'alreadySeated');
        },
      },
      client,
    );
    const stored = TRIVIA_LOCALES.find((locale) => locale === session.member.locale);
    return {
      memberId: member.memberId,
      sessionKey: member.sessionKey,
      name: member.name,
      locale: joining.locale ?? stored ?? 'en',
    };
  }

  override onJoin(client: GameClient): void {
    const auth = client.auth;
    if (!auth) throw new ServerError(JoinErrorCode.unauthorized, 'unauthorized');
    if (this.seatOf(auth.memberId)) throw new ServerError(GameJoinErrorCode.alreadySeated, 'alreadySeated');
    const player = new GamePlayer();
    player.memberId = auth.memberId;
    player.name = auth.name;
    player.order = this.nextOrder++;
    this.state.players.set(client.sessionId, player);
    this.watch.seated(client.sessionId, auth.memberId);
    if (this.state.phase === 'lobby' && this.state.phaseEndsAt === 0)
      this.state.phaseEndsAt = Date.now() + this.timing.lobbyMs;
  }

  /** A lost network keeps the seat a while; a sender dropped for bad input, or one who left, is gone. */
  override onDrop(client: GameClient, code?: number): void {
    const player = this.state.players.get(client.sessionId);
    if (!player || !isNetworkDrop(code)) {
      this.onLeave(client);
      return;
    }
    player.connected = false;
    this.allowReconnection(client, GAME_RECONNECT_SECONDS);
  }

  override onReconnect(client: GameClient): void {
    const player = this.state.players.get(client.sessionId);
    if (player) player.connected = true;
    this.watch.reconnected(client);
    this.rejoined(client);
  }

  override onLeave(client: GameClient): void {
    this.state.players.delete(client.sessionId);
    this.watch.left(client.sessionId);
    if (this.state.phase === 'lobby' && this.locked && this.clients.length < this.maxClients)
      void this.unlock();
  }

  // Results queued before shutdown reach the ledger before it closes.
  override async onDispose(): Promise<void> {
    this.watch.dispose();
    await this.results.drain();
  }

  /** Sets up a round's secret parts from `this.seed` (questions, stations); called as the countdown starts. */
  protected abstract prepareRound(now: number): void;
  /** The countdown ended: open the first turn. */
  protected abstract beginPlay(now: number): void;
  /** Called every tick in `playing` and `reveal`; calls `finishRound` when the last turn is over. */
  protected abstract advancePlay(now: number): void;
  /** A player's connection came back mid-game (trivia sends the open question again). */
  protected rejoined(_client: GameClient): void {}

  /** Takes one of the sender's input tokens; false means over this input's rate (ignore it, do not drop). */
  protected takeInput(sessionId: string, now: number): boolean {
    const memberId = this.state.players.get(sessionId)?.memberId ?? sessionId;
    if (memberLimiter(this.ctx, this.inputLimit).take(memberId, now)) return true;
    this.dropped('inputRateLimited');
    return false;
  }

  private dropped(reason: DropReason): void {
    this.ctx.metrics.messageDrops.inc({ room: this.roomName, reason });
  }

  protected get phase(): GamePhase {
    return this.state.phase as GamePhase;
  }

  protected setPhase(phase: GamePhase, endsAt: number): void {
    this.state.phase = phase;
    this.state.phaseEndsAt = endsAt;
  }

  /** Ranks the round, shows the results and records every player's outcome. */
  protected finishRound(now: number): void {
    const players = [...this.state.players.entries()];
    const standings = rankRound(
      players.map(([key, player]) => ({ key, score: player.score, order: player.order })),
    );
    const winner = roundWinner(standings, this.game.winScore);
    for (const standing of standings) {
      const player = this.state.players.get(standing.key);
      if (player) player.rank = standing.rank;
    }
    this.state.winner = winner ?? '';
    this.setPhase('results', now + this.timing.resultsMs);
    this.results.record(
      { roomId: this.roomId, round: this.state.round, players: players.length, at: new Date(now) },
      standings.flatMap((standing) => {
        const player = this.state.players.get(standing.key);
        return player
          ? [
              {
                memberId: player.memberId,
                score: standing.score,
                rank: standing.rank,
                won: standing.key === winner,
              },
            ]
          : [];
      }),
    );
  }

  /** Drops a client that sent what no honest client can: it gains nothing, and the others play on. */
  protected expel(client: Client): void {
    if (!this.state.players.delete(client.sessionId)) return;
    client.send('notice', { code: 'impossibleInput' });
    client.leave(GameLeaveCode.impossibleInput);
  }

  protected clientOf(sessionId: string): GameClient | undefined {
    return this.clients.find((client) => client.sessionId === sessionId);
  }

  private sendToMember<K extends keyof GameServerMessages>(
    memberId: string,
    type: K,
    payload: GameServerMessages[K],
  ): void {
    for (const client of this.clients) if (client.auth?.memberId === memberId) client.send(type, payload);
  }

  private seatOf(memberId: string): GamePlayer | undefined {
    return [...this.state.players.values()].find((player) => player.memberId === memberId);
  }

  private tick(now: number): void {
    this.state.now = now;
    const { phase } = this.state;
    if (phase === 'lobby') this.tickLobby(now);
    else if (phase === 'countdown') {
      if (now >= this.state.phaseEndsAt) this.beginPlay(now);
    } else if (phase === 'playing' || phase === 'reveal') this.advancePlay(now);
    else if (phase === 'results' && now >= this.state.phaseEndsAt) this.reopenLobby(now);
  }

  private tickLobby(now: number): void {
    if (this.state.players.size === 0) {
      this.state.phaseEndsAt = 0;
      return;
    }
    const seats = [...this.state.players.entries()].map(([key, player]) => ({
      key,
      order: player.order,
      ready: player.ready,
      connected: player.connected,
    }));
    if (lobbyStarts(seats, { minPlayers: this.game.minPlayers, lobbyEndsAt: this.state.phaseEndsAt }, now))
      this.startCountdown(now);
    else if (now >= this.state.phaseEndsAt) this.state.phaseEndsAt = now + this.timing.lobbyMs;
  }

  private startCountdown(now: number): void {
    void this.lock();
    this.seed = randomInt(0, 2 ** 32 - 1);
    this.state.round += 1;
    this.state.turn = 0;
    this.state.winner = '';
    for (const player of this.state.players.values()) {
      player.score = 0;
      player.gain = 0;
      player.rank = 0;
      player.answered = false;
    }
    this.setPhase('countdown', now + this.timing.countdownMs);
    this.prepareRound(now);
  }

  private reopenLobby(now: number): void {
    for (const player of this.state.players.values()) player.ready = false;
    this.setPhase('lobby', this.state.players.size > 0 ? now + this.timing.lobbyMs : 0);
    if (this.clients.length < this.maxClients) void this.unlock();
  }
}
