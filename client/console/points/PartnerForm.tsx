import { useEffect, useId, useRef, useState } from 'react';
import { CreatePartnerBody, type PartnerSecretResponse } from '../../../shared/protocol/console-points.ts';
import type { ConsoleErrorCode } from '../errors.ts';
import { useT } from '../i18n/useT.ts';
import { withSession } from '../session.ts';
import { createPartner } from './pointsApi.ts';
import { type PointsErrorCode, pointsErrorOf } from './pointsErrors.ts';

export interface PartnerFormProps {
  onCreated: (answer: PartnerSecretResponse) => void;
  onCancel: () => void;
}

/** Admins: registers a partner (id, name, how far a reversal may take a member below zero, webhook URL). */
export function PartnerForm({ onCreated, onCancel }: PartnerFormProps) {
  const t = useT();
  const ids = {
    heading: useId(),
    id: useId(),
    idHint: useId(),
    name: useId(),
    limit: useId(),
    limitHint: useId(),
    hook: useId(),
    hookHint: useId(),
  };
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [limit, setLimit] = useState('0');
  const [hook, setHook] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PointsErrorCode | ConsoleErrorCode | null>(null);
  const firstRef = useRef<HTMLInputElement>(null);

  useEffect(() => firstRef.current?.focus(), []);

  const submit = async () => {
    const body = CreatePartnerBody.safeParse({
      id: id.trim(),
      name,
      negativeLimit: Number(limit),
      webhookUrl: hook.trim() || null,
    });
    if (!body.success) return setError('invalidPartner');
    setBusy(true);
    setError(null);
    try {
      onCreated(await withSession((token) => createPartner(token, body.data)));
    } catch (failure) {
      setError(pointsErrorOf(failure));
      setBusy(false);
    }
  };

  return (
    <form
      className="card stack"
      aria-labelledby={ids.heading}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      data-testid="console-partner-form"
    >
      <h3 id={ids.heading}>{t('points.addPartner')}</h3>
      <div className="field">
        <label htmlFor={ids.id}>{t('points.partnerId')}</label>
        <input
          id={ids.id}
          ref={firstRef}
          value={id}
          maxLength={40}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={ids.idHint}
          onChange={(event) => setId(event.target.value)}
          data-testid="console-partner-id"
        />
        <span id={ids.idHint} className="hint">
          {t('points.partnerIdHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor={ids.name}>{t('points.partnerName')}</label>
        <input
          id={ids.name}
          value={name}
          maxLength={60}
          onChange={(event) => setName(event.target.value)}
          data-testid="console-partner-name"
        />
      </div>
      <div className="field">
        <label htmlFor={ids.limit}>{t('points.negativeLimit')}</label>
        <input
          id={ids.limit}
          type="number"
          inputMode="numeric"
          min={0}
          max={1_000_000}
          step={1}
          value={limit}
          aria-describedby={ids.limitHint}
          onChange={(event) => setLimit(event.target.value)}
          data-testid="console-partner-limit"
        />
        <span id={ids.limitHint} className="hint">
          {t('points.negativeLimitHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor={ids.hook}>{t('points.webhook')}</label>
        <input
          id={ids.hook}
          type="url"
          value={hook}
          maxLength={500}
          placeholder="https://"
          aria-describedby={ids.hookHint}
          onChange={(event) => setHook(event.target.value)}
          data-testid="console-partner-webhook"
        />
        <span id={ids.hookHint} className="hint">
          {t('points.webhookHint')}
        </span>
      </div>
      <p role="alert" className="error" data-testid="console-partner-error">
        {error ? t(`error.${error}`) : ''}
      </p>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="console-partner-submit">
          {busy ? t('points.saving') : t('points.createPartner')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('points.cancel')}
        </button>
      </div>
    </form>
  );
}
