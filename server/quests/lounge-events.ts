import { randomUUID } from 'node:crypto';
import { type EarningRule, earningRules } from '../../shared/content/earning-rules.ts';
import type { GateRule } from '../../shared/content/gates.ts';
import { loungeLayout } from '../../shared/content/lounge-layout.ts';
import type { Quest } from '../../shared/content/quest-schema.ts';
import type { Emote } from '../../shared/protocol/lounge-messages.ts';
import type { PrizeView, QuestsSnapshot, StampEarned } from '../../shared/protocol/quests.ts';
import type { AppContext } from '../context.ts';
import { evaluateGate } from '../domain/gates.ts';
import { buildZoneIndex, nearestDistance, zoneMaskAt } from '../domain/lounge-zones.ts';
import type { QuestEvent } from '../domain/quests/engine.ts';
import { claimPrefix } from '../prizes/claims.ts';
import { prizeRequirement } from '../prizes/eligibility.ts';
import { loadQuestsSnapshot, prizeView } from './passport.ts';
import { recordQuestEvent } from './record.ts';

interface Avatar {
  id: string;
  x: number;
  z: number;
}

/** One ownership rule per contract a holdNft step of the published quests names (read at each join). */
function holdNftRules(quests: readonly Quest[]): Map<string, GateRule> {
  const contracts = new Set(
    quests.flatMap((quest) =>
      quest.steps.flatMap((step) => (step.kind === 'holdNft' ? [step.contract] : [])),
    ),
  );
  return new Map(
    [...contracts].map((contract) => [
      contract,
      { anyOf: [{ contract, standard: 'erc721', minBalance: 1 }] } as GateRule,
    ]),
  );
}

/**
 * The zones whose visits the ledger records: those a published quest's visitZone step names, or every zone when an
 * earning rule pays for zone visits. A visit nothing can count for would be a ledger transaction (about ten
 * statements) that changes nothing but the event log, and walkers cross such zones every few seconds.
 */
export function countedZones(
  quests: readonly Quest[],
  rules: readonly EarningRule[] = earningRules,
): ReadonlySet<string> | 'every' {
  if (rules.some((rule) => rule.on === 'zoneVisited')) return 'every';
  return new Set(
    quests.flatMap((quest) => quest.steps.flatMap((step) => (step.kind === 'visitZone' ? [step.zone] : []))),
  );
}

/** Delivers a member's fresh snapshot (and any stamps just earned) to that member's clients in the room. */
export type DeliverQuests = (
  memberId: string,
  snapshot: QuestsSnapshot,
  earned: StampEarned[],
  prizes: PrizeView[],
) => void;

type Grant = { stampId: string; source: string };

/** The lounge's zones, packed once: observe and interacted check them without allocating. */
const LOUNGE_ZONES = buildZoneIndex(loungeLayout.zones);

/** A zone entered again this soon after the last entry is not a new visit. */
const ZONE_REENTRY_MS = 10_000;

type Occurrence = { kind: QuestEvent['kind'] } & Record<string, unknown>;

/** Turns what the server sees in a lounge into quest events, written per member in order, off the room tick. */
export class LoungeQuestEvents {
  /** Per session: the zones it stood in last tick (bit i = zone i) and when it last entered each one. */
  private readonly zoneState = new Map<string, { mask: number; enteredAt: Float64Array }>();
  private readonly writes = new Map<string, Promise<void>>();
  /** countedZones of the published quests, kept until a publish swaps them. */
  private counted: { quests: readonly Quest[]; zones: ReadonlySet<string> | 'every' } | undefined;

  constructor(
    private readonly ctx: AppContext,
    /** The room's name, read when an event is made (rooms learn it after construction). */
    private readonly room: () => string,
    private readonly deliver: DeliverQuests,
    /** The room's own zones, packed (the VIP and the suite have theirs). */
    private readonly zones: ReturnType<typeof buildZoneIndex> = LOUNGE_ZONES,
  ) {}

  /** A join counts as a visit on this UTC day; the member gets their snapshot either way. A wallet's NFTs count too. */
  joined(memberId: string, address: string | null, now = Date.now()): void {
    const day = new Date(now).toISOString().slice(0, 10);
    this.enqueue(
      memberId,
      { id: `${memberId}:day:${day}`, kind: 'dayVisited', day, place: this.room() },
      true,
    );
    if (address) void this.checkHoldings(memberId, address);
  }

  /** One `nftHeld` per member and contract that a holdNft step names, read on chain (cached by the gate reader). */
  private async checkHoldings(memberId: string, address: string): Promise<void> {
    const { reader } = this.ctx.gates;
    for (const [contract, rule] of holdNftRules(this.ctx.content.current().bundle.quests)) {
      try {
        const holdings = await reader.holdingsFor(address as `0x${string}`, rule);
        const held = evaluateGate(rule, holdings).allowed;
        this.ctx.metrics.questHoldingChecks.inc({ contract, held: held ? 'yes' : 'no' });
        if (held)
          this.enqueue(memberId, { id: `${memberId}:nft:${contract}`, kind: 'nftHeld', contract }, false);
      } catch (err) {
        this.ctx.metrics.questHoldingChecks.inc({ contract, held: 'error' });
        this.ctx.logger.error({ err, contract, address }, 'could not read holdings');
      }
    }
  }

  left(sessionId: string): void {
    this.zoneState.delete(sessionId);
  }

  /** Called each tick with the server's own positions: one zoneVisited per entry into a zone (not per step across its edge). */
  observe(sessionId: string, avatar: Avatar, at = Date.now()): void {
    const mask = zoneMaskAt(avatar.x, avatar.z, this.zones);
    let state = this.zoneState.get(sessionId);
    if (!state) {
      state = { mask: 0, enteredAt: new Float64Array(this.zones.ids.length).fill(Number.NEGATIVE_INFINITY) };
      this.zoneState.set(sessionId, state);
    }
    const entries = mask & ~state.mask;
    state.mask = mask;
    if (entries === 0) return;
    for (let i = 0; i < this.zones.ids.length; i++) {
      if ((entries & (1 << i)) === 0) continue;
      // Pacing back and forth over a zone's edge counts once, and costs the ledger one write.
      if (at - (state.enteredAt[i] as number) < ZONE_REENTRY_MS) continue;
      state.enteredAt[i] = at;
      const zone = this.zones.ids[i] as string;
      if (this.counts(zone)) this.emit(avatar.id, { kind: 'zoneVisited', zone }, zone);
    }
  }

  /** Whether a visit to `zone` can count for anything in the content published now. */
  private counts(zone: string): boolean {
    const { quests } = this.ctx.content.current().questContent;
    if (this.counted?.quests !== quests) this.counted = { quests, zones: countedZones(quests) };
    return this.counted.zones === 'every' || this.counted.zones.has(zone);
  }

  emoted(avatar: Avatar, emote: Emote, others: Iterable<Avatar>): void {
    const nearby = [...others].filter((other) => other.id !== avatar.id);
    this.emit(avatar.id, { kind: 'emoted', emote, nearestM: nearestDistance(avatar.x, avatar.z, nearby) });
  }

  chatted(avatar: Avatar): void {
    this.emit(avatar.id, { kind: 'chatted' });
  }

  /** Counts an interaction only when the member stands in the object's zone (server positions). */
  interacted(avatar: Avatar, objectId: string): void {
    const i = this.zones.ids.indexOf(objectId);
    if (i >= 0 && (zoneMaskAt(avatar.x, avatar.z, this.zones) & (1 << i)) !== 0)
      this.emit(avatar.id, { kind: 'interacted', objectId }, objectId);
  }

  /** A member has been at a live event `minutes`: counts for attendEvent steps; the threshold earns the stamp, once. */
  attended(memberId: string, liveEventId: string, minutes: number, stampId: string | undefined): void {
    const event = {
      id: `attend:${liveEventId}:${memberId}:${minutes}`,
      kind: 'eventAttended',
      liveEventId,
      minutes,
      place: this.room(),
    } as QuestEvent;
    this.enqueue(memberId, event, false, stampId ? [{ stampId, source: `event:${liveEventId}` }] : []);
  }

  /** Resolves once every queued write has finished. */
  async drain(): Promise<void> {
    while (this.writes.size > 0) await Promise.all(this.writes.values());
  }

  private emit(memberId: string, occurrence: Occurrence, zone?: string): void {
    const place = zone ? `${this.room()}/${zone}` : this.room();
    this.enqueue(memberId, { ...occurrence, id: randomUUID(), place } as QuestEvent, false);
  }

  private enqueue(memberId: string, event: QuestEvent, alwaysDeliver: boolean, grants?: Grant[]): void {
    const previous = this.writes.get(memberId) ?? Promise.resolve();
    const write = previous
      .then(() => this.record(memberId, event, alwaysDeliver, grants))
      .catch((err) => this.ctx.logger.error({ err, memberId, kind: event.kind }, 'quest event not recorded'));
    this.writes.set(memberId, write);
    void write.then(() => {
      if (this.writes.get(memberId) === write) this.writes.delete(memberId);
    });
  }

  private async record(
    memberId: string,
    event: QuestEvent,
    alwaysDeliver: boolean,
    grants?: Grant[],
  ): Promise<void> {
    const { db } = this.ctx.ledger;
    const at = new Date();
    const published = this.ctx.content.current();
    const content = published.questContent;
    const result = await recordQuestEvent(db, {
      memberId,
      event,
      at,
      content,
      prizes: published.bundle.prizes,
      custody: this.ctx.custodyAddress,
      requires: prizeRequirement(this.ctx.config),
      ...(grants ? { grants } : {}),
    });
    if (!alwaysDeliver && result.effects.length === 0) return;
    const snapshot = await loadQuestsSnapshot(
      db,
      memberId,
      Date.now(),
      this.ctx.content.current().questContent,
    );
    const earned = result.effects.flatMap((effect) =>
      effect.type === 'StampEarned'
        ? [{ stampId: effect.stampId, questId: effect.questId, earnedAt: at.getTime() }]
        : [],
    );
    const prefix = await claimPrefix(db);
    this.deliver(
      memberId,
      snapshot,
      earned,
      result.prizes.map((row) => prizeView(prefix, row)),
    );
  }
}
