import type { ContentIssue, ContentKind } from '../../../shared/protocol/content.ts';
import { useT } from '../i18n/useT.ts';
import { editorPath } from './issues.ts';

export interface IssueListProps {
  issues: readonly ContentIssue[];
  onOpen: (kind: ContentKind, id: string) => void;
}

/** The server's reasons to refuse a publish, each naming its item and field, with a way to open that item. */
export function IssueList({ issues, onOpen }: IssueListProps) {
  const t = useT();
  return (
    <ul className="plain-list field-error" data-testid="console-content-issues">
      {issues.map((issue, index) => {
        const kind = t(`content.kind.${issue.kind}`);
        const path = editorPath(issue);
        return (
          <li key={index} className="draft">
            <span>
              {path
                ? t('content.issue', { kind, id: issue.id, path, message: issue.message })
                : t('content.issueItem', { kind, id: issue.id, message: issue.message })}
            </span>
            {issue.id && (
              <button type="button" onClick={() => onOpen(issue.kind, issue.id)}>
                {t('content.openDraft')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
