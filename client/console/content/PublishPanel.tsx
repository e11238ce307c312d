import { useId, useState } from 'react';
import type {
  ConsoleContent,
  ContentIssue,
  ContentKind,
  PrizeChainState,
} from '../../../shared/protocol/content.ts';
import { ContentRefusalBody } from '../../../shared/protocol/content.ts';
import { ApiError } from '../../core/http.ts';
import { consoleErrorOf } from '../errors.ts';
import { useT } from '../i18n/useT.ts';
import { withSession } from '../session.ts';
import { previewContent, publishContent } from './contentApi.ts';
import { IssueList } from './IssueList.tsx';

export interface PublishPanelProps {
  content: ConsoleContent;
  issues: readonly ContentIssue[];
  /** The server's issues from the latest preview or refused publish; the editor shows them at their fields. */
  onIssues: (issues: ContentIssue[]) => void;
  onOpen: (kind: ContentKind, id: string) => void;
  /** A new version is live: the page reloads its content and keeps the prizes' chain states to sign. */
  onPublished: (prizes: PrizeChainState[]) => void;
  onReload: () => void;
}

type Outcome =
  | { kind: 'previewed'; counts: { quests: number; stamps: number; prizes: number } }
  | { kind: 'published'; version: number }
  | { kind: 'conflict' }
  | { kind: 'refused' }
  | { kind: 'failed'; message: string };

/** Preview the drafts together, then publish them over the version this page shows (a conflict if it moved on). */
export function PublishPanel({
  content,
  issues,
  onIssues,
  onOpen,
  onPublished,
  onReload,
}: PublishPanelProps) {
  const t = useT();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const drafts = content.drafts.length;

  const preview = async () => {
    setBusy(true);
    try {
      const answer = await withSession((token) => previewContent(token));
      onIssues(answer.issues);
      const { quests, stamps, prizes } = answer.bundle;
      setOutcome({
        kind: 'previewed',
        counts: { quests: quests.length, stamps: stamps.length, prizes: prizes.length },
      });
    } catch (error) {
      setOutcome({ kind: 'failed', message: t(`error.${consoleErrorOf(error)}`) });
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    setBusy(true);
    try {
      const answer = await withSession((token) => publishContent(token, content.version, note));
      onIssues([]);
      setNote('');
      setOutcome({ kind: 'published', version: answer.version });
      onPublished(answer.prizes);
    } catch (error) {
      const code = error instanceof ApiError ? error.code : '';
      if (code === 'contentConflict') setOutcome({ kind: 'conflict' });
      else if (code === 'invalidContent') {
        // The refusal names each issue: show each at its field (a preview only when the body cannot be read).
        const refusal = ContentRefusalBody.safeParse(error instanceof ApiError ? error.body : undefined);
        const issues = refusal.success
          ? refusal.data.issues
          : ((await withSession((token) => previewContent(token)).catch(() => null))?.issues ?? []);
        onIssues(issues);
        setOutcome({ kind: 'refused' });
      } else setOutcome({ kind: 'failed', message: t(`error.${consoleErrorOf(error)}`) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="publish-heading" data-testid="console-content-publish">
      <h2 id="publish-heading">{t('content.publish.heading')}</h2>
      <p className="hint" data-testid="console-content-draft-count">
        {t('content.publish.drafts', { count: drafts })}
      </p>
      <div className="field">
        <label htmlFor={noteId}>{t('content.note')}</label>
        <input
          id={noteId}
          type="text"
          maxLength={200}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          data-testid="console-content-note"
        />
      </div>
      <div className="actions">
        <button
          type="button"
          disabled={busy}
          onClick={() => void preview()}
          data-testid="console-content-preview"
        >
          {t('content.preview')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || drafts === 0}
          onClick={() => void publish()}
          data-testid="console-content-publish-button"
        >
          {busy ? t('content.publishing') : t('content.publish')}
        </button>
      </div>
      <div role="status" className="form-alert" data-testid="console-content-outcome">
        {outcome?.kind === 'previewed' &&
          (issues.length > 0 ? (
            <p>{t('content.previewIssues', { count: issues.length })}</p>
          ) : (
            <p>
              {t('content.previewOk')} {t('content.previewCounts', outcome.counts)}
            </p>
          ))}
        {outcome?.kind === 'published' && <p>{t('content.published', { version: outcome.version })}</p>}
        {outcome?.kind === 'refused' && <p>{t('content.refused')}</p>}
        {outcome?.kind === 'failed' && <p>{outcome.message}</p>}
        {outcome?.kind === 'conflict' && (
          <p data-testid="console-content-conflict">
            {t('content.conflict')}{' '}
            <button
              type="button"
              onClick={() => {
                setOutcome(null);
                onReload();
              }}
              data-testid="console-content-reload"
            >
              {t('content.reload')}
            </button>
          </p>
        )}
      </div>
      {issues.length > 0 && <IssueList issues={issues} onOpen={onOpen} />}
    </section>
  );
}
