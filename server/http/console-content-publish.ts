import { and, eq } from 'drizzle-orm';
import type { Application, RequestHandler, Response } from 'express';
import {
  type ContentChange,
  type ContentPublished,
  type ContentRefusal,
  PublishBody,
  RollbackBody,
} from '../../shared/protocol/content.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { addNewPrizes } from '../content/prize-chain.ts';
import type { PublishOutcome } from '../content/registry.ts';
import type { AppContext } from '../context.ts';
import { contentDrafts } from '../db/live-event-schema.ts';
import type { Db } from '../db/open.ts';
import { recordAudit } from '../team/audit.ts';
import { staffOf } from './console-auth.ts';
import { describeZodError, sendError } from './errors.ts';

type DraftRow = typeof contentDrafts.$inferSelect;
/** A saved draft as the edit it makes. */
export const changeOf = (draft: DraftRow): ContentChange => ({
  kind: draft.kind,
  id: draft.id,
  body: draft.body,
});

/** Answers a refused publish or rollback: 400 with each issue, 409 on a stale base, 404 for an unknown version. */
function sendRefusal(res: Response, outcome: Exclude<PublishOutcome, { ok: true }>): void {
  if (outcome.reason === 'conflict') {
    sendError(res, 409, 'contentConflict', `content is at version ${outcome.latest}: reload, then publish`);
    return;
  }
  if (outcome.reason === 'unknownVersion') {
    sendError(res, 404, 'unknownVersion', 'no such content version');
    return;
  }
  const body: ContentRefusal = {
    error: 'invalidContent',
    detail: outcome.issues
      .map((issue) => `${issue.kind} ${issue.id} ${issue.path}: ${issue.message}`)
      .join('; '),
    issues: outcome.issues,
  };
  res.status(400).json(body);
}

/** Publish every draft over a base version (drafts cleared and audited in its transaction), and roll back. */
export function mountConsoleContentPublishRoutes(
  app: Application,
  ctx: AppContext,
  guard: RequestHandler,
): void {
  const db = (): Db => ctx.ledger.db;

  app.post(routes.consolePublishContent.path, guard, async (req, res) => {
    const parsed = PublishBody.safeParse(req.body);
    if (!parsed.success) return sendError(res, 400, 'invalidBody', describeZodError(parsed.error));
    const drafts = await db().select().from(contentDrafts);
    if (drafts.length === 0) return sendError(res, 400, 'nothingToPublish', 'no drafts are saved');
    const by = staffOf(res).address;
    const outcome = await ctx.content.publish({
      baseVersion: parsed.data.baseVersion,
      changes: drafts.map(changeOf),
      by,
      note: parsed.data.note,
      inTransaction: async (tx, version) => {
        // Only the drafts published: one saved again meanwhile stays for the next publish.
        for (const draft of drafts)
          await tx
            .delete(contentDrafts)
            .where(
              and(
                eq(contentDrafts.kind, draft.kind),
                eq(contentDrafts.id, draft.id),
                eq(contentDrafts.updatedAt, draft.updatedAt),
              ),
            );
        await recordAudit(tx, {
          actor: by,
          action: 'content.publish',
          target: `v${version}`,
          before: { version: parsed.data.baseVersion },
          after: { version, note: parsed.data.note ?? '', changes: drafts.map(changeOf) },
        });
      },
    });
    if (!outcome.ok) return sendRefusal(res, outcome);
    const prizes = await addNewPrizes(ctx, outcome.previous.bundle, outcome.snapshot.bundle);
    const body: ContentPublished = { version: outcome.version, prizes };
    res.json(body);
  });

  app.post(routes.consoleRollbackContent.path, guard, async (req, res) => {
    const parsed = RollbackBody.safeParse(req.body);
    if (!parsed.success) return sendError(res, 400, 'invalidBody', describeZodError(parsed.error));
    const by = staffOf(res).address;
    const outcome = await ctx.content.rollback({
      ...parsed.data,
      by,
      inTransaction: (tx, version) =>
        recordAudit(tx, {
          actor: by,
          action: 'content.rollback',
          target: `v${version}`,
          before: { version: parsed.data.baseVersion },
          after: { version, copyOf: parsed.data.toVersion },
        }),
    });
    if (!outcome.ok) return sendRefusal(res, outcome);
    const body: ContentPublished = { version: outcome.version, prizes: [] };
    res.json(body);
  });
}
