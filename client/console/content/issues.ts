import type { ContentIssue, ContentKind } from '../../../shared/protocol/content.ts';
import type { Path } from './paths.ts';

/** A server issue's path inside what the editor shows: a gate is edited as its rule, so `rule.` is dropped. */
export function editorPath(issue: ContentIssue): string {
  return issue.kind === 'gate' ? issue.path.replace(/^rule\.?/, '') : issue.path;
}

/** The issues of one item (kind and id). */
export const issuesOf = (issues: readonly ContentIssue[], kind: ContentKind, id: string) =>
  issues.filter((issue) => issue.kind === kind && issue.id === id);

/** The issues that belong at one field of the form. */
export const issuesAt = (issues: readonly ContentIssue[], path: Path) =>
  issues.filter((issue) => editorPath(issue) === path.join('.'));
