import { useId, useState } from 'react';
import {
  CONTENT_KINDS,
  type ContentIssue,
  type ContentKind,
  type PrizeChainState,
} from '../../../shared/protocol/content.ts';
import { useT } from '../i18n/useT.ts';
import { useRemote } from '../useRemote.ts';
import { ContentEditor } from './ContentEditor.tsx';
import { fetchConsoleContent } from './contentApi.ts';
import { contentItems, isPublishedPrize, latestDraft, newItemBody } from './contentItems.ts';
import { DraftList } from './DraftList.tsx';
import { HistoryList } from './HistoryList.tsx';
import { issuesOf } from './issues.ts';
import { NewItemForm } from './NewItemForm.tsx';
import { PrizeTransactions } from './PrizeTransactions.tsx';
import { PublishPanel } from './PublishPanel.tsx';
import { loadPublishedContent } from './publishedContent.ts';

/** The content tab: pick or start an item, edit it as a draft, preview and publish all drafts, roll back. */
export default function ContentPage() {
  const t = useT();
  const ids = { kind: useId(), item: useId() };
  const content = useRemote(fetchConsoleContent, 'content');
  const [kind, setKind] = useState<ContentKind>('quest');
  const [picked, setPicked] = useState<string | null>(null);
  const [created, setCreated] = useState<{ kind: ContentKind; id: string; body: unknown } | null>(null);
  const [saved, setSaved] = useState('');
  const [issues, setIssues] = useState<ContentIssue[]>([]);
  const [chain, setChain] = useState<PrizeChainState[]>([]);
  const data = content.data;
  const items = data ? contentItems(data, kind) : [];
  if (data && created?.kind === kind && !items.some((item) => item.id === created.id))
    items.push({ id: created.id, body: created.body });
  const itemId = picked ?? items[0]?.id ?? null;
  const item = items.find((candidate) => candidate.id === itemId);
  const draft = data && itemId ? latestDraft(data, kind, itemId) : undefined;
  const open = (nextKind: ContentKind, id: string | null) => {
    setKind(nextKind);
    setPicked(id);
    setSaved('');
  };
  // The publish answer first, then the freshly loaded states, which win once a prize is on chain.
  const pending = new Map([...chain, ...(data?.prizeChain ?? [])].map((prize) => [prize.prizeId, prize]));

  return (
    <div className="content-page">
      <section className="card" aria-labelledby="content-heading">
        <h2 id="content-heading">{t('content.heading')}</h2>
        <p className="hint">{t('content.introLive')}</p>
        {data && (
          <p className="notice" data-testid="console-content-version">
            {t('content.live', { version: data.version })}
          </p>
        )}
        {content.error && (
          <p role="alert" className="error">
            {t(`error.${content.error}`)}
          </p>
        )}
        {!data && !content.error && <p className="hint">{t('nav.loading')}</p>}
        {data && (
          <>
            <div className="field-row">
              <div className="field">
                <label htmlFor={ids.kind}>{t('content.kind')}</label>
                <select
                  id={ids.kind}
                  value={kind}
                  onChange={(e) => open(e.target.value as ContentKind, null)}
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
                  onChange={(e) => open(kind, e.target.value)}
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
            <details className="content-new">
              <summary>{t('content.new')}</summary>
              <NewItemForm
                content={data}
                kind={kind}
                onCreate={(id) => {
                  setCreated({ kind, id, body: newItemBody(data, kind, id) });
                  open(kind, id);
                }}
              />
            </details>
            {items.length === 0 && <p className="hint">{t('content.empty')}</p>}
            {draft && <p className="hint">{t('content.draftWaiting')}</p>}
            {item && itemId && (
              <ContentEditor
                key={`${data.version}-${kind}-${itemId}-${draft?.updatedAt ?? 'live'}`}
                kind={kind}
                id={itemId}
                initial={draft ? draft.body : item.body}
                published={kind === 'prize' && isPublishedPrize(data, itemId)}
                hasDraft={draft !== undefined}
                serverIssues={issuesOf(issues, kind, itemId)}
                onChanged={(confirmation) => {
                  setSaved(confirmation);
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
      {data && (
        <>
          <PublishPanel
            content={data}
            issues={issues}
            onIssues={setIssues}
            onOpen={open}
            onPublished={(prizes) => {
              setChain(prizes);
              setCreated(null);
              content.reload();
              void loadPublishedContent();
            }}
            onReload={content.reload}
          />
          <PrizeTransactions prizes={[...pending.values()]} />
          <DraftList drafts={data.drafts} onOpen={open} />
          <HistoryList
            content={data}
            onChanged={() => {
              content.reload();
              void loadPublishedContent();
            }}
          />
        </>
      )}
    </div>
  );
}
