import { type Client, ServerError } from '@colyseus/core';
import { type Address, getAddress } from 'viem';
import { questContent } from '../../shared/content/quests.ts';
import { JoinErrorCode, LeaveCode } from '../../shared/protocol/join.ts';
import type { ResolvedSession } from '../auth/sessions.ts';
import { evaluateGate, type GateVerdict } from '../domain/gates.ts';
import { statusOpensRoom } from '../domain/quests/snapshot.ts';
import { countStamps } from '../quests/passport.ts';
import { services } from '../services.ts';
import { LoungeRoom } from './LoungeRoom.ts';

interface Seat {
  address: Address;
  /** What backs the seat: `<contract>:<tokenId>`, or `holder:<address>` for balance-only rules. */
  key: string;
  claimedAt: number;
}

// A seat claimed in onAuth whose client never arrived is released after this long.
const UNJOINED_SEAT_MS = 30_000;

/** A lounge behind a gate rule (shared/content/gates.ts): one seat per pass, and members who stop qualifying leave. */
export class GatedLoungeRoom extends LoungeRoom {
  private gate = '';
  private readonly seats = new Map<string, Seat>();
  private unsubscribe: (() => void) | undefined;
  private rechecks: Promise<void> = Promise.resolve();

  override onCreate(options: { capacity?: number; gate?: string }): void {
    super.onCreate(options);
    this.gate = options.gate ?? this.roomName;
    const { gates } = services();
    this.unsubscribe = gates.changes.on((addresses) => {
      const affected = [...this.seats].filter(([, seat]) => addresses.has(seat.address.toLowerCase()));
      if (affected.length > 0)
        this.queueRecheck(
          affected.map(([sessionId]) => sessionId),
          false,
        );
    });
    this.clock.setInterval(() => this.queueRecheck([...this.seats.keys()], true), gates.recheckMs);
  }

  protected override async admit(client: Client, session: ResolvedSession): Promise<void> {
    // A status level that opens this room lets its member in without a pass (and without a seat to hold).
    const stampCount = await countStamps(services().ledger.db, session.member.id);
    if (statusOpensRoom(stampCount, this.gate, questContent.levels)) return;
    if (!session.member.address) throw new ServerError(JoinErrorCode.gateDenied, 'gateDenied');
    const address = getAddress(session.member.address);
    const verdict = await this.evaluate(address);
    if (!verdict.allowed) throw new ServerError(JoinErrorCode.gateDenied, 'gateDenied');
    const key = await this.claimSeat(address, verdict);
    if (!key) throw new ServerError(JoinErrorCode.passInUse, 'passInUse');
    const sessionId = client.sessionId;
    this.seats.set(sessionId, { address, key, claimedAt: Date.now() });
    // A client that never arrives (closed tab, dropped during the join) gets no onLeave: free its seat once its
    // reservation has surely expired.
    this.clock.setTimeout(
      () => {
        if (!this.state.members.has(sessionId)) this.releaseSeat(sessionId);
      },
      this.seatReservationTimeout * 1000 + 1000,
    );
  }

  override onLeave(client: Parameters<LoungeRoom['onLeave']>[0]): void {
    super.onLeave(client);
    this.releaseSeat(client.sessionId);
  }

  override async onDispose(): Promise<void> {
    this.unsubscribe?.();
    for (const sessionId of [...this.seats.keys()]) this.releaseSeat(sessionId);
    await super.onDispose();
  }

  private async evaluate(address: Address): Promise<GateVerdict> {
    const rule = services().gates.rules.get(this.gate);
    if (!rule) return { allowed: false, matched: [] };
    return evaluateGate(rule, await services().gates.reader.holdingsFor(address, rule));
  }

  private seatsKey(): string {
    return `layover:seats:${this.gate}`;
  }

  // hincrby is atomic in LocalPresence and Redis: the first session to count 1 owns the seat.
  private async claimSeat(
    address: Address,
    verdict: GateVerdict,
    except?: string,
  ): Promise<string | undefined> {
    const keys = verdict.matched.length
      ? verdict.matched.map((token) => `${token.contract}:${token.tokenId}`)
      : [`holder:${address.toLowerCase()}`];
    for (const key of keys) {
      if (key === except) return key;
      if ((await this.presence.hincrby(this.seatsKey(), key, 1)) === 1) return key;
      await this.presence.hincrby(this.seatsKey(), key, -1);
    }
    return undefined;
  }

  private releaseSeat(sessionId: string): void {
    const seat = this.seats.get(sessionId);
    if (!seat) return;
    this.seats.delete(sessionId);
    this.adjustSeat(seat.key, -1);
  }

  // Fire and forget, but never an unhandled rejection: a Redis hiccup must not take the process down.
  private adjustSeat(key: string, by: number): void {
    this.presence
      .hincrby(this.seatsKey(), key, by)
      .catch((error) => console.error(`Layover: seat count of ${this.gate} not updated`, error));
  }

  private queueRecheck(sessionIds: string[], fromChain: boolean): void {
    this.rechecks = this.rechecks
      .then(() => this.recheck(sessionIds, fromChain))
      .catch((error) => console.error(`Layover: gate re-check of ${this.gate} failed`, error));
  }

  // Members who no longer qualify get a notice, then leave with gateLost; a seat whose pass moved re-seats on another.
  private async recheck(sessionIds: string[], fromChain: boolean): Promise<void> {
    if (fromChain) {
      const addresses = new Set(
        sessionIds.map((id) => this.seats.get(id)?.address).filter((a) => a !== undefined),
      );
      await services().gates.verify([...addresses]);
    }
    for (const sessionId of sessionIds) {
      const seat = this.seats.get(sessionId);
      if (!seat) continue;
      const client = this.clients.getById(sessionId);
      // No client: still joining, or reconnecting after a drop (its avatar stays in state meanwhile).
      if (!client) {
        if (!this.state.members.has(sessionId) && Date.now() - seat.claimedAt > UNJOINED_SEAT_MS)
          this.releaseSeat(sessionId);
        continue;
      }
      const verdict = await this.evaluate(seat.address);
      const stillBacked =
        verdict.allowed &&
        (seat.key.startsWith('holder:') ||
          verdict.matched.some((token) => `${token.contract}:${token.tokenId}` === seat.key));
      if (stillBacked) continue;
      const reseated = verdict.allowed ? await this.claimSeat(seat.address, verdict) : undefined;
      if (reseated && this.seats.get(sessionId) === seat) {
        this.adjustSeat(seat.key, -1);
        this.seats.set(sessionId, { ...seat, key: reseated });
        continue;
      }
      if (reseated) this.adjustSeat(reseated, -1);
      client.send('notice', { code: 'gateLost' });
      client.leave(LeaveCode.gateLost, 'gateLost');
    }
  }
}
