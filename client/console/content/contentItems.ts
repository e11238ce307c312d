import type { z } from 'zod';
import { GateRule } from '../../../shared/content/gates.ts';
import { Prize } from '../../../shared/content/prizes.ts';
import { Quest, Stamp, StatusLevel } from '../../../shared/content/quest-schema.ts';
import { TriviaPack } from '../../../shared/content/trivia-schema.ts';
import {
  CONTENT_ID,
  CONTENT_LISTS,
  type ConsoleContent,
  type ContentDraft,
  type ContentKind,
  ContentRemoval,
} from '../../../shared/protocol/content.ts';
import { describeIssue, type FieldIssue } from '../events/fieldIssues.ts';

/** The schema each kind is checked by: the very one the server publishes it with. A gate is edited as its rule. */
export const CONTENT_SCHEMAS: Record<ContentKind, z.ZodType> = {
  quest: Quest,
  stamp: Stamp,
  prize: Prize,
  gate: GateRule,
  status: StatusLevel,
  trivia: TriviaPack,
};

export interface ContentItem {
  id: string;
  body: unknown;
}

const idOf = (item: unknown, index: number) => {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : `#${index}`;
};

/** Whether a draft removes its item on publish instead of replacing it. */
export const isRemoval = (body: unknown) => ContentRemoval.safeParse(body).success;

/** The items of one kind as published (gates by room, edited as their rule), then any only a draft has so far. */
export function contentItems(content: ConsoleContent, kind: ContentKind): ContentItem[] {
  const running: ContentItem[] =
    kind === 'gate'
      ? content.bundle.gates.map((gate) => ({ id: gate.room, body: gate.rule }))
      : (content.bundle[CONTENT_LISTS[kind]] as unknown[]).map((item, index) => ({
          id: idOf(item, index),
          body: item,
        }));
  const known = new Set(running.map((item) => item.id));
  for (const draft of content.drafts) {
    if (draft.kind !== kind || known.has(draft.id) || isRemoval(draft.body)) continue;
    known.add(draft.id);
    running.push({ id: draft.id, body: draft.body });
  }
  return running;
}

/** The saved draft of an item, if any: that is what goes live on the next publish. */
export function latestDraft(
  content: ConsoleContent,
  kind: ContentKind,
  id: string,
): ContentDraft | undefined {
  return content.drafts
    .filter((draft) => draft.kind === kind && draft.id === id)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}

/** A prize already published: its supply, member cap and soulbound flag are fixed on chain (or about to be). */
export function isPublishedPrize(content: ConsoleContent, id: string): boolean {
  return content.bundle.prizes.some((prize) => prize.id === id);
}

/** Whether `id` can name a new item of `kind`: well formed and not taken. */
export function newItemIdProblem(
  content: ConsoleContent,
  kind: ContentKind,
  id: string,
): 'badId' | 'exists' | null {
  if (!CONTENT_ID.test(id) || id.length > 64) return 'badId';
  return contentItems(content, kind).some((item) => item.id === id) ? 'exists' : null;
}

/** A new item to start from: a copy of the kind's first item under the new id (a gate: a copy of the first rule). */
export function newItemBody(content: ConsoleContent, kind: ContentKind, id: string): unknown {
  const first = contentItems(content, kind)[0]?.body;
  if (first === undefined) return kind === 'gate' ? {} : { id };
  const copy = structuredClone(first) as Record<string, unknown>;
  if (kind === 'gate') return copy;
  copy.id = id;
  if (kind === 'prize') {
    const tokenIds = content.bundle.prizes.map((prize) => prize.tokenId);
    copy.tokenId = Math.max(0, ...tokenIds) + 1;
  }
  if (kind === 'stamp') {
    const tokenIds = content.bundle.stamps.map((stamp) => stamp.tokenId);
    copy.tokenId = Math.max(0, ...tokenIds) + 1;
  }
  return copy;
}

export type ContentCheck = { ok: true } | { ok: false; issues: { path: string; issue: FieldIssue }[] };

/**
 * Validates an item with its kind's schema; issues carry their field path for display. Every item but a gate must
 * keep the id it is saved under (the server refuses a body whose id differs from the address).
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
