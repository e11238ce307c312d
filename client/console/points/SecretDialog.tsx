import { useEffect, useId, useRef, useState } from 'react';
import type { PartnerSecretResponse } from '../../../shared/protocol/console-points.ts';
import { useT } from '../i18n/useT.ts';

export interface SecretDialogProps {
  shown: PartnerSecretResponse & { rotated: boolean };
  onClose: () => void;
}

/**
 * A partner's new signing key, shown this once in a modal dialog (focus kept inside, Escape closes) with a copy
 * button and a plain warning: the console cannot show it again, only make a new one.
 */
export function SecretDialog({ shown, onClose }: SecretDialogProps) {
  const t = useT();
  const ids = { heading: useId(), warning: useId(), key: useId() };
  const ref = useRef<HTMLDialogElement>(null);
  const keyRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    keyRef.current?.select();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shown.secret);
      setCopied('yes');
    } catch {
      // No clipboard permission: leave the key selected for Ctrl+C.
      keyRef.current?.select();
      setCopied('failed');
    }
  };

  return (
    <dialog
      ref={ref}
      className="secret-dialog"
      aria-labelledby={ids.heading}
      aria-describedby={ids.warning}
      onClose={onClose}
      data-testid="console-partner-secret-dialog"
    >
      <h2 id={ids.heading}>
        {t(shown.rotated ? 'points.secretRotated' : 'points.secretCreated', { name: shown.partner.name })}
      </h2>
      <p id={ids.warning} className="notice" data-testid="console-partner-secret-warning">
        {t('points.secretOnce')}
      </p>
      <div className="field">
        <label htmlFor={ids.key}>{t('points.secretLabel', { id: shown.partner.id })}</label>
        <input
          id={ids.key}
          ref={keyRef}
          readOnly
          spellCheck={false}
          className="secret"
          value={shown.secret}
          onFocus={(event) => event.currentTarget.select()}
          data-testid="console-partner-secret"
        />
      </div>
      <p role="status" className={copied === 'failed' ? 'error' : 'ok'}>
        {copied === 'yes' ? t('points.copied') : copied === 'failed' ? t('error.copyFailed') : ''}
      </p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => void copy()}
          data-testid="console-partner-copy"
        >
          {t('points.copy')}
        </button>
        <button type="button" onClick={() => ref.current?.close()} data-testid="console-partner-secret-close">
          {t('points.secretDone')}
        </button>
      </div>
    </dialog>
  );
}
