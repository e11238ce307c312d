import type { Application } from 'express';
import type { z } from 'zod';
import { GateRule, roomGates } from '../../shared/content/gates.ts';
import { Prize, prizes } from '../../shared/content/prizes.ts';
import { Quest } from '../../shared/content/quest-schema.ts';
import { questContent } from '../../shared/content/quests.ts';
import {
  CONTENT_KINDS,
  type ConsoleContent,
  type ContentKind,
  type ContentSaved,
} from '../../shared/protocol/live-events.ts';
import { routes } from '../../shared/protocol/routes.ts';
import type { AppContext } from '../context.ts';
import { contentDrafts } from '../db/live-event-schema.ts';
import { staffOf } from './console-auth.ts';
import { describeZodError, sendError } from './errors.ts';

/** The same schemas the content files are checked with at boot. */
const SCHEMAS: Record<ContentKind, z.ZodType> = { quest: Quest, prize: Prize, gate: GateRule };
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Quests, prizes and gates as running now, and edits saved through the console's forms. */
export function mountConsoleContentRoutes(app: Application, ctx: AppContext): void {
  app.get(routes.consoleContent.path, async (_req, res) => {
    const drafts = await ctx.ledger.db.select().from(contentDrafts);
    const body: ConsoleContent = {
      quests: [...questContent.quests],
      prizes: [...prizes],
      gates: Object.fromEntries(roomGates.map((gate) => [gate.room, gate.rule])),
      drafts: drafts.map((draft) => ({
        kind: draft.kind,
        id: draft.id,
        body: draft.body,
        updatedAt: draft.updatedAt.toISOString(),
        by: draft.updatedBy,
      })),
    };
    res.json(body);
  });

  app.put(routes.consoleSaveContent.path, async (req, res) => {
    const kind = req.params.kind as ContentKind;
    const id = req.params.id;
    if (!(CONTENT_KINDS as readonly string[]).includes(kind) || !ID.test(id))
      return sendError(
        res,
        404,
        'unknownContent',
        'kind is quest, prize or gate; id is a lowercase-dashed id',
      );
    const parsed = SCHEMAS[kind].safeParse(req.body);
    if (!parsed.success) return sendError(res, 400, 'invalidContent', describeZodError(parsed.error));
    const itemId = (parsed.data as { id?: string }).id;
    if (kind !== 'gate' && itemId !== id)
      return sendError(res, 400, 'invalidContent', `id: must be "${id}", the id in the address`);
    const updatedAt = new Date();
    const updatedBy = staffOf(res).address;
    await ctx.ledger.db
      .insert(contentDrafts)
      .values({ kind, id, body: parsed.data, updatedBy, updatedAt })
      .onConflictDoUpdate({
        target: [contentDrafts.kind, contentDrafts.id],
        set: { body: parsed.data, updatedBy, updatedAt },
      });
    const body: ContentSaved = { saved: true, kind, id, appliesOn: 'nextRelease' };
    res.json(body);
  });
}
