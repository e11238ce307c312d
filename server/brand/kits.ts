import { desc } from 'drizzle-orm';
import { BrandKit, type BrandView } from '../../shared/protocol/brand.ts';
import { DEFAULT_BRAND_KIT } from '../../shared/protocol/brand-default.ts';
import { brandKits } from '../db/brand-schema.ts';
import type { Db } from '../db/open.ts';

/** How long a process answers from its copy before reading the ledger again: other processes' publishes show after. */
export const BRAND_CACHE_MS = 2000;

/** Version 0: nothing published yet, the built-in look. */
const DEFAULT_VIEW: BrandView = { version: 0, kit: DEFAULT_BRAND_KIT, publishedAt: null, publishedBy: null };

/** Why a publish was refused: someone published over the version this operator edited. */
export type PublishOutcome = { ok: true; view: BrandView } | { ok: false; currentVersion: number };

/** The newest published kit from the ledger (the default when none); a stored kit that no longer parses is skipped. */
export async function latestBrandKit(db: Db): Promise<BrandView> {
  const rows = await db.select().from(brandKits).orderBy(desc(brandKits.version)).limit(1);
  const row = rows[0];
  if (!row) return DEFAULT_VIEW;
  const kit = BrandKit.safeParse(row.kit);
  if (!kit.success) return DEFAULT_VIEW;
  return {
    version: row.version,
    kit: kit.data,
    publishedAt: row.publishedAt.toISOString(),
    publishedBy: row.publishedBy,
  };
}

/**
 * The live brand kit of one process: read from the ledger at most every BRAND_CACHE_MS, and published as version
 * `baseVersion + 1` only while `baseVersion` is still the newest (two operators at once: the second is refused).
 */
export class BrandKits {
  private cached: { view: BrandView; at: number } | undefined;

  constructor(
    private readonly db: () => Db,
    private readonly now: () => number,
  ) {}

  async current(): Promise<BrandView> {
    const at = this.now();
    if (this.cached && at - this.cached.at < BRAND_CACHE_MS) return this.cached.view;
    const view = await latestBrandKit(this.db());
    this.cached = { view, at };
    return view;
  }

  /** `record` runs in the publish's transaction (the audit line), given the kit it replaces and the new one. */
  async publish(
    kit: BrandKit,
    baseVersion: number,
    by: string,
    record: (tx: Db, before: BrandView, after: BrandView) => Promise<void>,
  ): Promise<PublishOutcome> {
    const outcome = await this.db().transaction(async (tx): Promise<PublishOutcome> => {
      const newest = await latestBrandKit(tx as unknown as Db);
      if (newest.version !== baseVersion) return { ok: false, currentVersion: newest.version };
      const inserted = await tx
        .insert(brandKits)
        .values({ version: baseVersion + 1, kit, publishedBy: by, publishedAt: new Date(this.now()) })
        .onConflictDoNothing()
        .returning();
      const row = inserted[0];
      if (!row) return { ok: false, currentVersion: baseVersion + 1 };
      const view = { version: row.version, kit, publishedAt: row.publishedAt.toISOString(), publishedBy: by };
      await record(tx as unknown as Db, newest, view);
      return { ok: true, view };
    });
    this.cached = undefined;
    return outcome;
  }
}
