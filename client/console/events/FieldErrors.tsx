import { useT } from '../i18n/useT.ts';
import type { FieldIssue } from './fieldIssues.ts';

/** The messages of one field, linked to its input by `id` (the input names it in aria-describedby). */
export function FieldErrors({ id, issues }: { id: string; issues: FieldIssue[] | undefined }) {
  const t = useT();
  if (!issues?.length) return null;
  return (
    <span id={id} className="field-error">
      {issues.map((issue) => t(issue.key, issue.vars)).join(' ')}
    </span>
  );
}
