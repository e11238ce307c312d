import { useId, useState } from 'react';
import type { ConsoleContent, ContentKind } from '../../../shared/protocol/content.ts';
import { useT } from '../i18n/useT.ts';
import { newItemIdProblem } from './contentItems.ts';

export interface NewItemFormProps {
  content: ConsoleContent;
  kind: ContentKind;
  /** A free, well-formed id: the page opens the editor on a copy of the kind's first item under it. */
  onCreate: (id: string) => void;
}

/** Names a new quest, stamp, prize, gate (its room), level or trivia pack to start editing. */
export function NewItemForm({ content, kind, onCreate }: NewItemFormProps) {
  const t = useT();
  const inputId = useId();
  const [id, setId] = useState('');
  const [problem, setProblem] = useState('');
  const kindName = t(`content.kind.${kind}`);

  const create = () => {
    const wanted = id.trim();
    const found = newItemIdProblem(content, kind, wanted);
    if (found === 'badId') return setProblem(t('content.newBadId'));
    if (found === 'exists') return setProblem(t('content.newExists', { id: wanted }));
    setProblem('');
    setId('');
    onCreate(wanted);
  };

  return (
    <form
      className="field-row"
      onSubmit={(e) => {
        e.preventDefault();
        create();
      }}
    >
      <div className="field">
        <label htmlFor={inputId}>{t('content.newId', { kind: kindName })}</label>
        <input
          id={inputId}
          type="text"
          value={id}
          onChange={(e) => setId(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${inputId}-hint`}
          data-testid="console-content-new-id"
        />
        <span
          id={`${inputId}-hint`}
          className={problem ? 'field-error' : 'hint'}
          data-testid="console-content-new-hint"
        >
          {problem || t('content.newHint')}
        </span>
      </div>
      <div className="actions">
        <button type="submit" data-testid="console-content-new">
          {t('content.newCreate')}
        </button>
      </div>
    </form>
  );
}
