import { and, desc, eq } from 'drizzle-orm';
import type { Application } from 'express';
import type { z } from 'zod';
import { GateRule } from '../../shared/content/gates.ts';
import { Prize } from '../../shared/content/prizes.ts';
import { Quest, Stamp, StatusLevel } from '../../shared/content/quest-schema.ts';
import { TriviaPack } from '../../shared/content/trivia-schema.ts';
import {
  type ConsoleContent,
  ContentItemParams,
  type ContentKind,
  type ContentPreview,
  ContentRemoval,
  type ContentSaved,
  PreviewBody,
} from '../../shared/protocol/content.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { prizeChainStates } from '../content/prize-chain.ts';
import type { AppContext } from '../context.ts';
import { contentVersions } from '../db/content-schema.ts';
import { contentDrafts } from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';
import { requireCapability, staffOf } from './console-auth.ts';
import { changeOf, mountConsoleContentPublishRoutes } from './console-content-publish.ts';
import { describeZodError, sendError } from './errors.ts';

/** The same schemas the content files are checked with at boot; a gate's draft is its rule. */
const SCHEMAS: Record<ContentKind, z.ZodType> = {
  quest: Quest,
  stamp: Stamp,
  prize: Prize,
  gate: GateRule,
  status: StatusLevel,
  trivia: TriviaPack,
};

const HISTORY_SHOWN = 50;

/** Content as running now, drafts, history; drafts saved, previewed, published all at once, and rolled back. */
export function mountConsoleContentRoutes(app: Application, ctx: AppContext): void {
  const guard = requireCapability(ctx, 'content');
  const db = (): Db => ctx.ledger.db;

  app.get(routes.consoleContent.path, guard, async (_req, res) => {
    const snapshot = ctx.content.current();
    const [drafts, history, prizeChain] = await Promise.all([
      db().select().from(contentDrafts),
      db().select().from(contentVersions).orderBy(desc(contentVersions.version)).limit(HISTORY_SHOWN),
      prizeChainStates(ctx, snapshot.bundle),
    ]);
    const body: ConsoleContent = {
      version: snapshot.version,
      bundle: snapshot.bundle,
      drafts: drafts.map((draft) => ({
        ...changeOf(draft),
        updatedAt: draft.updatedAt.toISOString(),
        by: draft.updatedBy,
      })),
      history: history.map((row) => ({
        version: row.version,
        by: row.publishedBy,
        at: row.publishedAt.toISOString(),
        note: row.note,
        basedOn: row.basedOn,
      })),
      prizeChain,
    };
    res.json(body);
  });

  app.put(routes.consoleSaveContent.path, guard, async (req, res) => {
    const params = ContentItemParams.safeParse(req.params);
    if (!params.success)
      return sendError(
        res,
        404,
        'unknownContent',
        'kind is quest, stamp, prize, gate, status or trivia; id is lowercase-dashed',
      );
    const { kind, id } = params.data;
    const removal = ContentRemoval.safeParse(req.body);
    const parsed = removal.success ? removal : SCHEMAS[kind].safeParse(req.body);
    if (!parsed.success) return sendError(res, 400, 'invalidContent', describeZodError(parsed.error));
    const itemId = (parsed.data as { id?: string }).id;
    if (!removal.success && kind !== 'gate' && itemId !== id)
      return sendError(res, 400, 'invalidContent', `id: must be "${id}", the id in the address`);
    const updatedAt = new Date();
    const updatedBy = staffOf(res).address;
    await db()
      .insert(contentDrafts)
      .values({ kind, id, body: parsed.data, updatedBy, updatedAt })
      .onConflictDoUpdate({
        target: [contentDrafts.kind, contentDrafts.id],
        set: { body: parsed.data, updatedBy, updatedAt },
      });
    const body: ContentSaved = { saved: true, kind, id, appliesOn: 'publish' };
    res.json(body);
  });

  app.delete(routes.consoleDeleteDraft.path, guard, async (req, res) => {
    const params = ContentItemParams.safeParse(req.params);
    if (!params.success) return sendError(res, 404, 'unknownContent', 'no such draft');
    const { kind, id } = params.data;
    const gone = await db()
      .delete(contentDrafts)
      .where(and(eq(contentDrafts.kind, kind), eq(contentDrafts.id, id)))
      .returning({ id: contentDrafts.id });
    if (gone.length === 0) return sendError(res, 404, 'unknownContent', 'no such draft');
    res.json({ deleted: true, kind, id });
  });

  app.post(routes.consolePreviewContent.path, guard, async (req, res) => {
    const parsed = PreviewBody.safeParse(req.body);
    if (!parsed.success) return sendError(res, 400, 'invalidBody', describeZodError(parsed.error));
    const drafts = await db().select().from(contentDrafts);
    const body: ContentPreview = ctx.content.preview([
      ...drafts.map(changeOf),
      ...(parsed.data.changes ?? []),
    ]);
    res.json(body);
  });

  mountConsoleContentPublishRoutes(app, ctx, guard);
}
