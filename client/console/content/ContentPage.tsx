import { useId, useState } from 'react';
import { CONTENT_KINDS, type ContentKind } from '../../../shared/protocol/live-events.ts';
import { fetchContent } from '../api.ts';
import { useT } from '../i18n/useT.ts';
import { useRemote } from '../useRemote.ts';
import { ContentEditor } from './ContentEditor.tsx';
import { contentItems, latestDraft } from './contentItems.ts';
import { DraftList } from './DraftList.tsx';

/** The content tab (loaded on demand with the quest schemas): pick an item, edit it, see saved drafts. */
export default function ContentPage() {
  const t = useT();
  const ids = { kind: useId(), item: useId() };
  const content = useRemote(fetchContent, 'content');
  const [kind, setKind] = useState<ContentKind>('quest');
  const [picked, setPicked] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const items = content.data ? contentItems(content.data, kind) : [];
  const itemId = picked ?? items[0]?.id ?? null;
  const item = items.find((candidate) => candidate.id === itemId);
  const draft = content.data && itemId ? latestDraft(content.data, kind, itemId) : undefined;

  return (
    <div className="content-page">
      <section className="card" aria-labelledby="content-heading">
        <h2 id="content-heading">{t('content.heading')}</h2>
        <p className="hint">{t('content.intro')}</p>
        <p className="notice" data-testid="console-content-restart">
          {t('content.restart')}
        </p>
        {content.error && (
          <p role="alert" className="error">
            {t(`error.${content.error}`)}
          </p>
        )}
        {!content.data && !content.error && <p className="hint">{t('nav.loading')}</p>}
        {content.data && (
          <>
            <div className="field-row">
              <div className="field">
                <label htmlFor={ids.kind}>{t('content.kind')}</label>
                <select
                  id={ids.kind}
                  value={kind}
                  onChange={(e) => {
                    setKind(e.target.value as ContentKind);
                    setPicked(null);
                    setSaved('');
                  }}
                  data-testid="console-content-kind"
                >
                  {CONTENT_KINDS.map((option) => (
                    <option key={option} value={option}>
                      {t(`content.kind.${option}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={ids.item}>{t('content.item')}</label>
                <select
                  id={ids.item}
                  value={itemId ?? ''}
                  onChange={(e) => {
                    setPicked(e.target.value);
                    setSaved('');
                  }}
                  data-testid="console-content-item"
                >
                  {items.map((option) => (
                    <option key={option.id} value={option.id}>
                      {option.id}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            {items.length === 0 && <p className="hint">{t('content.empty')}</p>}
            {draft && <p className="hint">{t('content.fromDraft', { time: new Date(draft.updatedAt) })}</p>}
            {item && itemId && (
              <ContentEditor
                key={`${kind}-${itemId}-${draft?.updatedAt ?? 'live'}`}
                kind={kind}
                id={itemId}
                initial={draft ? draft.body : item.body}
                onSaved={() => {
                  setSaved(t('content.saved', { id: itemId }));
                  content.reload();
                }}
              />
            )}
          </>
        )}
      </section>
      <p role="status" className="form-alert" data-testid="console-content-saved">
        {saved}
      </p>
      {content.data && (
        <DraftList
          drafts={content.data.drafts}
          onOpen={(draftKind, id) => {
            setKind(draftKind);
            setPicked(id);
            setSaved('');
          }}
        />
      )}
    </div>
  );
}
