import type { ConsoleContent, ContentKind } from '../../../shared/protocol/content.ts';
import { useT } from '../i18n/useT.ts';
import { shortAddress } from '../names.ts';

export interface DraftListProps {
  drafts: ConsoleContent['drafts'];
  onOpen: (kind: ContentKind, id: string) => void;
}

/** Saved edits waiting for the next publish, newest first. */
export function DraftList({ drafts, onOpen }: DraftListProps) {
  const t = useT();
  const ordered = [...drafts].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <section className="card" aria-labelledby="drafts-heading" data-testid="console-drafts">
      <h2 id="drafts-heading">{t('content.drafts')}</h2>
      {ordered.length === 0 ? (
        <p className="hint">{t('content.noDrafts')}</p>
      ) : (
        <ul className="plain-list">
          {ordered.map((draft) => (
            <li key={`${draft.kind}-${draft.id}-${draft.updatedAt}`} className="draft">
              <span>
                {t('content.draft', {
                  kind: t(`content.kind.${draft.kind}`),
                  id: draft.id,
                  time: new Date(draft.updatedAt),
                  by: shortAddress(draft.by),
                })}
              </span>
              <button type="button" onClick={() => onOpen(draft.kind, draft.id)}>
                {t('content.openDraft')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
