import { useId, useState } from 'react';
import type { ContentKind } from '../../../shared/protocol/live-events.ts';
import { ApiError } from '../../core/http.ts';
import { saveContent } from '../api.ts';
import { consoleErrorOf } from '../errors.ts';
import { useT } from '../i18n/useT.ts';
import { withSession } from '../session.ts';
import { checkContent, parseJsonText, toJsonText } from './contentItems.ts';
import { setIn } from './paths.ts';
import { SimpleFieldInputs } from './SimpleFieldInputs.tsx';

export interface ContentEditorProps {
  kind: ContentKind;
  id: string;
  initial: unknown;
  /** Called once the server kept the draft; the page confirms it (this editor remounts on the new draft). */
  onSaved: () => void;
}

/** One item as fields and as JSON, kept in step, checked by its schema on every edit, saved as a draft. */
export function ContentEditor({ kind, id, initial, onSaved }: ContentEditorProps) {
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

  const editJson = (next: string) => {
    setText(next);
    const parsed = parseJsonText(next);
    setJsonError(parsed.ok ? '' : parsed.message);
    if (parsed.ok) setBody(parsed.value);
  };

  const save = async () => {
    if (!ready) return;
    setBusy(true);
    setServerDetail('');
    try {
      await withSession((token) => saveContent(token, kind, id, body));
      setMessage('');
      onSaved();
    } catch (error) {
      setMessage(t(`error.${consoleErrorOf(error)}`));
      setServerDetail(error instanceof ApiError ? (error.detail ?? '') : '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="content-editor" data-testid="console-content-editor">
      <SimpleFieldInputs
        kind={kind}
        body={body}
        onChange={(field, value) => {
          const next = setIn(body, field.path, value);
          setBody(next);
          setText(toJsonText(next));
          setJsonError('');
        }}
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
      </div>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!ready || busy}
          onClick={() => void save()}
          data-testid="console-content-save"
        >
          {t('content.save')}
        </button>
      </div>
      <p role="status" className="form-alert" data-testid="console-content-status">
        {message}
      </p>
      {serverDetail && <p className="hint">{t('form.serverDetail', { detail: serverDetail })}</p>}
    </div>
  );
}
