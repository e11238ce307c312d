import { eq, sql } from 'drizzle-orm';
import { StageSnapshot } from '../../shared/protocol/stage.ts';
import type { Stage } from '../../shared/state/EventState.ts';
import { liveEvents } from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';

/** The shared stage as JSON (schema in shared/protocol/stage.ts): kept in the ledger, sent between instances. */
export type { StageSnapshot };

/** A fresh event's stage: nobody on it, nothing on the screen. */
export function emptyStage(): StageSnapshot {
  return {
    hostId: '',
    hostName: '',
    hostPresent: false,
    announcement: '',
    announcementSeq: 0,
    spotlightId: '',
    spotlightName: '',
    poll: { id: '', kind: 'poll', question: '', options: [], open: false, correct: -1, answer: -1 },
    drop: { id: '', prizeId: '', mode: 'first', supply: 0, closesAt: 0, commit: '' },
    pinned: { id: '', memberId: '', name: '', text: '', at: 0 },
    muted: [],
  };
}

/** Reads the event's stage; missing fields take their empty values (older rows, a fresh event). */
export async function loadStage(db: Db, eventId: string): Promise<StageSnapshot> {
  const [row] = await db
    .select({ stage: liveEvents.stage })
    .from(liveEvents)
    .where(eq(liveEvents.id, eventId));
  // Missing fields take their empty values; the schema (shared/protocol/stage.ts) checks what the ledger held.
  return StageSnapshot.parse({ ...emptyStage(), ...(row?.stage ?? {}) });
}

/** Changes the stage under a row lock, so host actions from two instances or processes never overwrite each other. */
export async function updateStage(
  db: Db,
  eventId: string,
  change: (stage: StageSnapshot) => void,
): Promise<StageSnapshot> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT id FROM live_events WHERE id = ${eventId} FOR UPDATE`);
    const stage = await loadStage(tx, eventId);
    change(stage);
    await tx.update(liveEvents).set({ stage }).where(eq(liveEvents.id, eventId));
    return stage;
  });
}

/** Takes an erased member off the stage (host seat, spotlight, pinned question, mutes); true when anything changed. */
export function removeMemberFromStage(stage: StageSnapshot, memberId: string): boolean {
  const empty = emptyStage();
  let changed = false;
  if (stage.hostId === memberId) {
    Object.assign(stage, { hostId: '', hostName: '', hostPresent: false });
    changed = true;
  }
  if (stage.spotlightId === memberId) {
    Object.assign(stage, { spotlightId: '', spotlightName: '' });
    changed = true;
  }
  if (stage.pinned.memberId === memberId) {
    stage.pinned = empty.pinned;
    changed = true;
  }
  if (stage.muted.includes(memberId)) {
    stage.muted = stage.muted.filter((id) => id !== memberId);
    changed = true;
  }
  return changed;
}

/** Writes a snapshot onto a room's Stage schema, touching only fields that changed. */
export function applyStage(target: Stage, stage: StageSnapshot): void {
  const set = <K extends keyof Stage>(key: K, value: Stage[K]) => {
    if (target[key] !== value) target[key] = value;
  };
  set('hostId', stage.hostId);
  set('hostName', stage.hostName);
  set('hostPresent', stage.hostPresent);
  set('announcement', stage.announcement);
  set('announcementSeq', stage.announcementSeq);
  set('spotlightId', stage.spotlightId);
  set('spotlightName', stage.spotlightName);
  const poll = target.poll;
  if (poll.id !== stage.poll.id) {
    poll.id = stage.poll.id;
    poll.options.splice(0, poll.options.length, ...stage.poll.options);
    poll.tallies.splice(0, poll.tallies.length, ...stage.poll.options.map(() => 0));
  }
  if (poll.kind !== stage.poll.kind) poll.kind = stage.poll.kind;
  if (poll.question !== stage.poll.question) poll.question = stage.poll.question;
  if (poll.open !== stage.poll.open) poll.open = stage.poll.open;
  if (poll.correct !== stage.poll.correct) poll.correct = stage.poll.correct;
  const drop = target.drop;
  if (drop.id !== stage.drop.id) {
    drop.id = stage.drop.id;
    drop.claimed = 0;
    drop.entrants = 0;
    drop.seed = '';
    drop.state = stage.drop.id ? 'open' : '';
  }
  drop.prizeId = stage.drop.prizeId;
  drop.mode = stage.drop.mode;
  drop.supply = stage.drop.supply;
  drop.closesAt = stage.drop.closesAt;
  drop.commit = stage.drop.commit;
  const pinned = target.pinned;
  if (pinned.id !== stage.pinned.id) {
    pinned.id = stage.pinned.id;
    pinned.memberId = stage.pinned.memberId;
    pinned.name = stage.pinned.name;
    pinned.text = stage.pinned.text;
    pinned.at = stage.pinned.at;
  }
}
