import type { z } from 'zod';
import { GateRule } from '../../../shared/content/gates.ts';
import { Prize } from '../../../shared/content/prizes.ts';
import { Quest } from '../../../shared/content/quest-schema.ts';
import type { ConsoleContent, ContentKind } from '../../../shared/protocol/live-events.ts';
import { describeIssue, type FieldIssue } from '../events/fieldIssues.ts';

/** The schema each kind is checked by: the very one its content file is parsed with at boot. */
export const CONTENT_SCHEMAS: Record<ContentKind, z.ZodType> = { quest: Quest, prize: Prize, gate: GateRule };

export interface ContentItem {
  id: string;
  body: unknown;
}

const idOf = (item: unknown, index: number) => {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : `#${index}`;
};

/** The items of one kind as they run now (gates keyed by room name), then any only a draft has so far. */
export function contentItems(content: ConsoleContent, kind: ContentKind): ContentItem[] {
  const running =
    kind === 'gate'
      ? Object.entries(content.gates).map(([room, rule]) => ({ id: room, body: rule }))
      : (kind === 'quest' ? content.quests : content.prizes).map((item, index) => ({
          id: idOf(item, index),
          body: item,
        }));
  const known = new Set(running.map((item) => item.id));
  for (const draft of content.drafts) {
    if (draft.kind !== kind || known.has(draft.id)) continue;
    known.add(draft.id);
    running.push({ id: draft.id, body: draft.body });
  }
  return running;
}

/** The newest saved draft of an item, if any: that is what applies on the next start. */
export function latestDraft(content: ConsoleContent, kind: ContentKind, id: string) {
  return content.drafts
    .filter((draft) => draft.kind === kind && draft.id === id)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}

export type ContentCheck = { ok: true } | { ok: false; issues: { path: string; issue: FieldIssue }[] };

/**
 * Validates an item with its kind's schema; issues carry their field path for display. A quest or prize must keep
 * the id it is saved under (the server refuses a body whose id differs from the address).
 */
export function checkContent(kind: ContentKind, body: unknown, id?: string): ContentCheck {
  const parsed = CONTENT_SCHEMAS[kind].safeParse(body);
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        issue: describeIssue(issue),
      }));
  const bodyId = (body as { id?: unknown } | null)?.id;
  if (kind !== 'gate' && id !== undefined && bodyId !== id && !issues.some((item) => item.path === 'id'))
    issues.push({ path: 'id', issue: { key: 'content.idMismatch', vars: { id } } });
  return issues.length === 0 ? { ok: true } : { ok: false, issues };
}

/** JSON text as a value, or the parser's message. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Pretty JSON as the editor shows it. */
export const toJsonText = (value: unknown) => JSON.stringify(value, null, 2);
