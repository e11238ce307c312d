import { z } from 'zod';
import type { MemberContent } from '../../../shared/protocol/content.ts';

/** What GET /api/content answered: the status, its ETag header and the parsed JSON body (null on 304). */
export interface ContentAnswer {
  status: number;
  etag: string | null;
  body: unknown;
}

/** What to do with an answer: take the new content, keep what we have, or say the load failed. */
export type ContentOutcome =
  | { kind: 'replace'; content: MemberContent; etag: string | null }
  | { kind: 'unchanged' }
  | { kind: 'failed'; reason: string };

const withId = z.looseObject({ id: z.string() });

/** The bundle's outline; the server validated every item with the content schemas before publishing it. */
const MemberContentOutline = z.looseObject({
  version: z.number().int().min(0),
  quests: z.array(withId),
  stamps: z.array(withId),
  prizes: z.array(withId),
  statusLevels: z.array(withId),
  gates: z.array(z.looseObject({ room: z.string() })),
  triviaPacks: z.array(withId),
});

/** Headers of a revalidation: with an ETag in hand the server may answer 304 and send nothing. */
export function conditionalHeaders(etag: string | null): Record<string, string> {
  return etag ? { accept: 'application/json', 'if-none-match': etag } : { accept: 'application/json' };
}

/** Reads one answer against the content we hold; our version again, or an older one (a late answer), changes nothing. */
export function readContentAnswer(answer: ContentAnswer, current: MemberContent | null): ContentOutcome {
  if (answer.status === 304)
    return current ? { kind: 'unchanged' } : { kind: 'failed', reason: '304 without content in hand' };
  if (answer.status !== 200) return { kind: 'failed', reason: `status ${answer.status}` };
  const outline = MemberContentOutline.safeParse(answer.body);
  if (!outline.success) return { kind: 'failed', reason: 'malformed content' };
  if (current && outline.data.version <= current.version) return { kind: 'unchanged' };
  return { kind: 'replace', content: answer.body as MemberContent, etag: answer.etag };
}

/** Whether a `contentChanged` notice names a version we do not have yet. */
export function isNewerVersion(announced: number, current: MemberContent | null): boolean {
  return current === null || announced > current.version;
}
