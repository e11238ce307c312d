import type { Presence } from '@colyseus/core';
import { desc, eq, sql } from 'drizzle-orm';
import type { ContentBundle, ContentChange, ContentIssue } from '../../shared/protocol/content.ts';
import type { AppLogger } from '../context.ts';
import { contentVersions } from '../db/content-schema.ts';
import type { Db } from '../db/open.ts';
import { applyChanges } from './changes.ts';
import { seedBundle } from './seed.ts';
import { type ContentSnapshot, snapshotOf } from './snapshot.ts';
import { checkBundle } from './validate.ts';

/** The presence topic a publish is announced on; every process (the publisher too) reloads on it. */
export const CONTENT_TOPIC = 'content:published';
/** How often a process checks the ledger for a version whose notice it missed. */
export const CONTENT_POLL_MS = 2_000;

/** What a publish or rollback came to. */
export type PublishOutcome =
  | { ok: true; version: number; previous: ContentSnapshot; snapshot: ContentSnapshot }
  | { ok: false; reason: 'invalid'; issues: ContentIssue[] }
  | { ok: false; reason: 'conflict'; latest: number }
  | { ok: false; reason: 'unknownVersion' };

/** Runs inside the publish's transaction (clear the drafts, write the audit line): all or nothing with the version. */
export type InTransaction = (tx: Db, version: number) => Promise<void>;

/** The published content of this process (ctx.content): read synchronously at use time, swapped atomically. */
export interface ContentRegistry {
  current(): ContentSnapshot;
  /** The bundle `changes` would publish over the current version, and its issues (nothing is written). */
  preview(changes: readonly ContentChange[]): {
    baseVersion: number;
    bundle: ContentBundle;
    issues: ContentIssue[];
  };
  publish(input: {
    baseVersion: number;
    changes: readonly ContentChange[];
    by: string;
    note?: string | undefined;
    inTransaction?: InTransaction;
  }): Promise<PublishOutcome>;
  /** Publishes a copy of `toVersion`'s documents (history kept); refused where it would change or drop a prize. */
  rollback(input: {
    toVersion: number;
    baseVersion: number;
    by: string;
    inTransaction?: InTransaction;
  }): Promise<PublishOutcome>;
  /** Loads the newest version if this process is behind (a notice, the poll, or a test). */
  refresh(): Promise<void>;
  /** Called after every swap in this process (rooms tell their members to refetch). */
  onSwap(listener: (snapshot: ContentSnapshot) => void): () => void;
  stop(): Promise<void>;
}

/** Seeds version 1 from shared/content when the ledger has none (race-safe: the primary key decides). */
async function seedIfEmpty(db: Db): Promise<void> {
  await db
    .insert(contentVersions)
    .values({ version: 1, documents: seedBundle(), publishedBy: 'seed', note: 'shared/content' })
    .onConflictDoNothing({ target: contentVersions.version });
}

async function loadVersion(
  db: Db,
  version?: number,
): Promise<{ version: number; documents: ContentBundle } | undefined> {
  const query = db
    .select({ version: contentVersions.version, documents: contentVersions.documents })
    .from(contentVersions);
  const [row] = await (version === undefined
    ? query.orderBy(desc(contentVersions.version)).limit(1)
    : query.where(eq(contentVersions.version, version)));
  return row;
}

/** Opens the registry: seeds if empty, loads the newest version, listens for notices and polls for missed ones. */
export async function openContentRegistry(deps: {
  db: Db;
  presence: Presence;
  logger: AppLogger;
}): Promise<ContentRegistry> {
  const { db, presence, logger } = deps;
  await seedIfEmpty(db);
  const first = await loadVersion(db);
  if (!first) throw new Error('Layover: content_versions is empty after seeding');
  let snapshot = snapshotOf(first.version, validatedBundle(first.documents));
  const listeners = new Set<(snapshot: ContentSnapshot) => void>();
  let refreshing: Promise<void> | undefined;

  const swapTo = (next: ContentSnapshot) => {
    if (next.version <= snapshot.version) return;
    snapshot = next;
    logger.info({ version: next.version }, 'content: swapped to a new version');
    for (const listener of listeners) {
      try {
        listener(next);
      } catch (err) {
        logger.error({ err }, 'content: a swap listener failed');
      }
    }
  };
  const refresh = (): Promise<void> => {
    refreshing ??= (async () => {
      try {
        const latest = await loadVersion(db);
        if (latest && latest.version > snapshot.version)
          swapTo(snapshotOf(latest.version, validatedBundle(latest.documents)));
      } finally {
        refreshing = undefined;
      }
    })();
    return refreshing;
  };
  const onNotice = () => void refresh().catch((err) => logger.error({ err }, 'content: reload failed'));
  await presence.subscribe(CONTENT_TOPIC, onNotice);
  const poll = setInterval(onNotice, CONTENT_POLL_MS);
  poll.unref();

  const insertVersion = async (
    bundle: ContentBundle,
    input: { baseVersion: number; by: string; note: string; inTransaction?: InTransaction | undefined },
  ): Promise<PublishOutcome> => {
    const previous = snapshot;
    const version = input.baseVersion + 1;
    const inserted = await db.transaction(async (tx) => {
      // Versions are contiguous: base + 1 taken means someone published over base first.
      const rows = await tx
        .insert(contentVersions)
        .values({
          version,
          documents: bundle,
          publishedBy: input.by,
          note: input.note,
          basedOn: input.baseVersion,
        })
        .onConflictDoNothing({ target: contentVersions.version })
        .returning({ version: contentVersions.version });
      if (rows.length === 0) return false;
      await input.inTransaction?.(tx, version);
      return true;
    });
    if (!inserted) {
      const [row] = await db
        .select({ latest: sql<number>`max(${contentVersions.version})` })
        .from(contentVersions);
      return { ok: false, reason: 'conflict', latest: Number(row?.latest ?? 0) };
    }
    swapTo(snapshotOf(version, bundle));
    await presence.publish(CONTENT_TOPIC, version);
    return { ok: true, version, previous, snapshot };
  };

  const preview = (changes: readonly ContentChange[]) => {
    const base = snapshot;
    const { draft, issues } = applyChanges(base.bundle, changes);
    const checked = checkBundle(draft, base.bundle);
    return {
      baseVersion: base.version,
      bundle: checked.bundle ?? (draft as unknown as ContentBundle),
      issues: [...issues, ...checked.issues],
    };
  };

  return {
    current: () => snapshot,
    preview,
    async publish(input) {
      await refresh();
      if (input.baseVersion !== snapshot.version)
        return { ok: false, reason: 'conflict', latest: snapshot.version };
      const { bundle, issues } = preview(input.changes);
      if (issues.length > 0) return { ok: false, reason: 'invalid', issues };
      return insertVersion(bundle, { ...input, note: input.note ?? '' });
    },
    async rollback(input) {
      await refresh();
      if (input.baseVersion !== snapshot.version)
        return { ok: false, reason: 'conflict', latest: snapshot.version };
      const target = await loadVersion(db, input.toVersion);
      if (!target) return { ok: false, reason: 'unknownVersion' };
      const checked = checkBundle(target.documents, snapshot.bundle);
      if (!checked.bundle) return { ok: false, reason: 'invalid', issues: checked.issues };
      return insertVersion(checked.bundle, { ...input, note: `rollback to v${input.toVersion}` });
    },
    refresh,
    onSwap(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      clearInterval(poll);
      try {
        await presence.unsubscribe(CONTENT_TOPIC, onNotice);
      } catch {
        // Redis presence may be closed already (the game server's shutdown ends it): nothing is left to leave.
      }
    },
  };
}

/** A stored version's documents, checked again on load (a row is never trusted to be well formed). */
function validatedBundle(documents: unknown): ContentBundle {
  const checked = checkBundle(documents);
  if (!checked.bundle)
    throw new Error(
      `Layover: stored content does not validate: ${JSON.stringify(checked.issues.slice(0, 3))}`,
    );
  return checked.bundle;
}
