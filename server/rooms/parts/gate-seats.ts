import type { Client, Presence } from '@colyseus/core';
import type { Address } from 'viem';
import { LeaveCode } from '../../../shared/protocol/join.ts';
import { checkGate } from '../../auth/admission.ts';
import type { AppContext } from '../../context.ts';
import { conditionsOf, type GateVerdict } from '../../domain/gates.ts';

interface Seat {
  address: Address;
  /** What backs the seat: `<contract>:<tokenId>` (ERC-721), `<contract>:<tokenId>:<holder>` (ERC-1155), `holder:<address>`. */
  key: string;
  claimedAt: number;
}

// A seat claimed in onAuth whose client never arrived is released after this long.
const UNJOINED_SEAT_MS = 30_000;

/** What the seats need of their room. */
export interface SeatRoom {
  /** The room's presence (seats are shared by every process through it). */
  presence: Presence;
  /** Whether the session still has an avatar (joined, or reconnecting after a drop). */
  seated(sessionId: string): boolean;
  client(sessionId: string): Client | undefined;
}

/** One seat per pass in a gated room (counted across processes), and members who stop qualifying leave. */
export class GateSeats {
  private readonly seats = new Map<string, Seat>();
  private rechecks: Promise<void> = Promise.resolve();
  private refreshing: NodeJS.Timeout | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly gate: string,
    private readonly room: SeatRoom,
  ) {}

  /** Holds a seat on one of the passes that matched; false when every one already seats another session. */
  async claim(sessionId: string, address: Address, verdict: GateVerdict): Promise<boolean> {
    const key = await this.claimKey(address, verdict);
    if (!key) return false;
    this.seats.set(sessionId, { address, key, claimedAt: this.ctx.clock.now() });
    this.refreshing ??= setInterval(() => this.refresh(), (this.ctx.config.seatTtlSeconds * 1000) / 3);
    this.refreshing.unref();
    return true;
  }

  /** Seats changed on chain for these addresses: re-check the sessions they back. */
  holdingsChanged(addresses: ReadonlySet<string>): void {
    const affected = [...this.seats].filter(([, seat]) => addresses.has(seat.address.toLowerCase()));
    if (affected.length > 0)
      this.queueRecheck(
        affected.map(([sessionId]) => sessionId),
        false,
      );
  }

  /** The periodic re-read from the chain itself, in case a Transfer log was missed. */
  recheckAll(): void {
    this.queueRecheck([...this.seats.keys()], true);
  }

  release(sessionId: string): void {
    const seat = this.seats.get(sessionId);
    if (!seat) return;
    this.seats.delete(sessionId);
    this.free(seat.key);
    if (this.seats.size === 0) this.stopRefreshing();
  }

  releaseAll(): void {
    for (const sessionId of [...this.seats.keys()]) this.release(sessionId);
  }

  private seatKey(key: string): string {
    return `layover:seat:${this.gate}:${key}`;
  }

  // A seat is a key that lives seatTtlSeconds unless its holder refreshes it, so a crashed process's seats free
  // themselves. A refused claim writes nothing (retries never keep a dead seat alive); of two claims racing on a free
  // seat, hincrbyex (one atomic step in LocalPresence and in Redis) counts the first as 1 and sets the expiry with it.
  private async claimKey(address: Address, verdict: GateVerdict): Promise<string | undefined> {
    for (const key of await this.seatKeys(address, verdict)) {
      if (await this.room.presence.exists(this.seatKey(key))) continue;
      if ((await this.room.presence.hincrbyex(this.seatKey(key), 'claims', 1, this.ttlSeconds())) === 1)
        return key;
    }
    return undefined;
  }

  /**
   * What can back this member's seat: each ERC-721 pass that matched (`<contract>:<tokenId>`: one seat per token, so
   * a pass lent around seats one member at a time); each ERC-1155 token of the rule they hold, by holder
   * (`<contract>:<tokenId>:<holder>`: a token many members hold seats every holder, each once); else `holder:<address>`.
   */
  private async seatKeys(address: Address, verdict: GateVerdict): Promise<string[]> {
    const keys = verdict.matched.map((token) => `${token.contract}:${token.tokenId}`);
    const rule = this.ctx.gates.rules.get(this.gate);
    const fungible = rule ? conditionsOf(rule).filter((condition) => condition.standard === 'erc1155') : [];
    if (rule && fungible.length > 0 && verdict.allowed) {
      const holdings = await this.ctx.gates.reader.holdingsFor(address, rule);
      for (const condition of fungible)
        for (const id of condition.tokenIds ?? [])
          if ((holdings[condition.contract]?.balances?.[id] ?? 0n) > 0n)
            keys.push(`${condition.contract}:${id}:${address.toLowerCase()}`);
    }
    return keys.length > 0 ? keys : [`holder:${address.toLowerCase()}`];
  }

  private ttlSeconds(): number {
    return this.ctx.config.seatTtlSeconds;
  }

  // Sent at once, so a claim that follows on the same presence connection finds the seat free.
  private free(key: string): void {
    Promise.resolve(this.room.presence.del(this.seatKey(key))).catch((err) =>
      this.ctx.logger.error({ err, gate: this.gate }, 'seat not freed'),
    );
  }

  // Every third of the TTL: the seats this process holds live on. A Redis hiccup logs and the next round retries.
  private refresh(): void {
    for (const seat of this.seats.values())
      this.room.presence
        .hincrbyex(this.seatKey(seat.key), 'claims', 0, this.ttlSeconds())
        .catch((err) => this.ctx.logger.error({ err, gate: this.gate }, 'seat not refreshed'));
  }

  private stopRefreshing(): void {
    clearInterval(this.refreshing);
    this.refreshing = undefined;
  }

  private queueRecheck(sessionIds: string[], fromChain: boolean): void {
    this.rechecks = this.rechecks
      .then(() => this.recheck(sessionIds, fromChain))
      .catch((err) => this.ctx.logger.error({ err, gate: this.gate }, 'gate re-check failed'));
  }

  // Members who no longer qualify get a notice, then leave with gateLost; a seat whose pass moved re-seats on another.
  private async recheck(sessionIds: string[], fromChain: boolean): Promise<void> {
    if (fromChain) {
      const addresses = new Set(
        sessionIds.map((id) => this.seats.get(id)?.address).filter((a) => a !== undefined),
      );
      await this.ctx.gates.verify([...addresses]);
    }
    for (const sessionId of sessionIds) {
      const seat = this.seats.get(sessionId);
      if (!seat) continue;
      const client = this.room.client(sessionId);
      // No client: still joining, or reconnecting after a drop (its avatar stays in state meanwhile).
      if (!client) {
        if (!this.room.seated(sessionId) && this.ctx.clock.now() - seat.claimedAt > UNJOINED_SEAT_MS)
          this.release(sessionId);
        continue;
      }
      const verdict = await checkGate(this.ctx, this.gate, seat.address);
      const stillBacked =
        verdict.allowed &&
        (seat.key.startsWith('holder:') || (await this.seatKeys(seat.address, verdict)).includes(seat.key));
      if (stillBacked) continue;
      const reseated = verdict.allowed ? await this.claimKey(seat.address, verdict) : undefined;
      if (reseated && this.seats.get(sessionId) === seat) {
        this.free(seat.key);
        this.seats.set(sessionId, { ...seat, key: reseated });
        continue;
      }
      if (reseated) this.free(reseated);
      client.send('notice', { code: 'gateLost' });
      client.leave(LeaveCode.gateLost, 'gateLost');
    }
  }
}
