import { useId, useState } from 'react';
import type { ContentIssue, ContentKind } from '../../../shared/protocol/content.ts';
import { ApiError } from '../../core/http.ts';
import { consoleErrorOf } from '../errors.ts';
import { useT } from '../i18n/useT.ts';
import { withSession } from '../session.ts';
import { discardDraft, saveDraft } from './contentApi.ts';
import { checkContent, parseJsonText, toJsonText } from './contentItems.ts';
import { editorPath, issuesAt } from './issues.ts';
import { type Path, setIn } from './paths.ts';
import { SimpleFieldInputs } from './SimpleFieldInputs.tsx';

export interface ContentEditorProps {
  kind: ContentKind;
  id: string;
  initial: unknown;
  /** A prize already published: its on-chain rules are locked and it can be retired. */
  published: boolean;
  hasDraft: boolean;
  /** The server's preview issues for this item, shown at their fields. */
  serverIssues: readonly ContentIssue[];
  /** Called once the server kept (or dropped) the draft, with what to confirm; the page reloads its content. */
  onChanged: (confirmation: string) => void;
}

/** One item as fields and as JSON, kept in step, checked by its schema on every edit, saved as a draft. */
export function ContentEditor({
  kind,
  id,
  initial,
  published,
  hasDraft,
  serverIssues,
  onChanged,
}: ContentEditorProps) {
  const t = useT();
  const jsonId = useId();
  const [body, setBody] = useState<unknown>(initial);
  const [text, setText] = useState(() => toJsonText(initial));
  const [jsonError, setJsonError] = useState('');
  const [message, setMessage] = useState('');
  const [serverDetail, setServerDetail] = useState('');
  const [busy, setBusy] = useState(false);
  const check = checkContent(kind, body, id);
  const ready = !jsonError && check.ok;
  const retirable =
    kind === 'prize' && published && (body as { enabled?: unknown } | null)?.enabled !== false;

  const edit = (next: unknown) => {
    setBody(next);
    setText(toJsonText(next));
    setJsonError('');
  };

  const editJson = (next: string) => {
    setText(next);
    const parsed = parseJsonText(next);
    setJsonError(parsed.ok ? '' : parsed.message);
    if (parsed.ok) setBody(parsed.value);
  };

  const run = async (call: (token: string) => Promise<unknown>, confirmation: string) => {
    setBusy(true);
    setServerDetail('');
    try {
      await withSession(call);
      setMessage('');
      onChanged(confirmation);
    } catch (error) {
      setMessage(t(`error.${consoleErrorOf(error)}`));
      setServerDetail(error instanceof ApiError ? (error.detail ?? '') : '');
    } finally {
      setBusy(false);
    }
  };

  const save = (next: unknown, confirmation: string) => {
    if (checkContent(kind, next, id).ok) void run((token) => saveDraft(token, kind, id, next), confirmation);
  };

  const messagesAt = (path: Path) => [
    ...(check.ok ? [] : check.issues.filter((item) => item.path === path.join('.'))).map((item) =>
      t(item.issue.key, item.issue.vars),
    ),
    ...issuesAt(serverIssues, path).map((issue) => t('content.serverIssue', { message: issue.message })),
  ];

  return (
    <div className="content-editor" data-testid="console-content-editor">
      <SimpleFieldInputs
        kind={kind}
        body={body}
        locked={kind === 'prize' && published}
        messagesAt={messagesAt}
        onChange={(field, value) => edit(setIn(body, field.path, value))}
      />
      <div className="field">
        <label htmlFor={jsonId}>{t('content.json')}</label>
        <textarea
          id={jsonId}
          className="json"
          rows={14}
          spellCheck={false}
          value={text}
          onChange={(e) => editJson(e.target.value)}
          aria-invalid={!ready || undefined}
          data-testid="console-content-json"
        />
        <span className="hint">{t('content.jsonHint')}</span>
      </div>
      <div className="content-check" aria-live="polite" data-testid="console-content-check">
        {jsonError ? (
          <p className="field-error">{t('content.jsonInvalid', { message: jsonError })}</p>
        ) : check.ok ? (
          <p className="ok">{t('content.valid')}</p>
        ) : (
          <ul className="field-error">
            {check.issues.map((item, index) => (
              <li key={index}>
                <code>{item.path || '(item)'}</code> {t(item.issue.key, item.issue.vars)}
              </li>
            ))}
          </ul>
        )}
        {serverIssues.length > 0 && (
          <ul className="field-error" data-testid="console-content-server-issues">
            {serverIssues.map((issue, index) => (
              <li key={index}>
                <code>{editorPath(issue) || '(item)'}</code>{' '}
                {t('content.serverIssue', { message: issue.message })}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!ready || busy}
          onClick={() => save(body, t('content.draftSaved', { id }))}
          data-testid="console-content-save"
        >
          {t('content.save')}
        </button>
        {hasDraft && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void run((token) => discardDraft(token, kind, id), t('content.discarded', { id }))}
            data-testid="console-content-discard"
          >
            {t('content.discard')}
          </button>
        )}
        {retirable && (
          <button
            type="button"
            disabled={busy || !ready}
            onClick={() => save(setIn(body, ['enabled'], false), t('content.retiredDraft', { id }))}
            data-testid="console-content-retire"
          >
            {t('content.retire')}
          </button>
        )}
      </div>
      {retirable && <p className="hint">{t('content.retireHint')}</p>}
      <p role="status" className="form-alert" data-testid="console-content-status">
        {message}
      </p>
      {serverDetail && <p className="hint">{t('form.serverDetail', { detail: serverDetail })}</p>}
    </div>
  );
}
