import { useId, useRef, useState } from 'react';
import { ADJUSTMENT_MAX, AdjustmentBody } from '../../../shared/protocol/console-points.ts';
import { mayDo } from '../../../shared/protocol/staff-roles.ts';
import type { ConsoleErrorCode } from '../errors.ts';
import { useT } from '../i18n/useT.ts';
import { withSession } from '../session.ts';
import { useConsoleStore } from '../store.ts';
import { adjustPoints } from './pointsApi.ts';
import { type PointsErrorCode, pointsErrorOf } from './pointsErrors.ts';

/** A fresh adjustment id (the browser's UUID; random bytes where randomUUID is missing). */
function newAdjustmentId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Admins: credits or debits a member by hand, with a note the member sees in their history. One id is made per
 * filled-in form and kept until it goes through, so sending again after a lost answer never adjusts twice.
 */
export function AdjustmentForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const isAdmin = useConsoleStore((state) => mayDo(state.me?.roles ?? [], 'support'));
  const ids = {
    heading: useId(),
    member: useId(),
    memberHint: useId(),
    amount: useId(),
    amountHint: useId(),
    note: useId(),
    noteHint: useId(),
  };
  const [memberId, setMemberId] = useState('');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PointsErrorCode | ConsoleErrorCode | null>(null);
  const [done, setDone] = useState<{ amount: number; balance: number } | null>(null);
  const adjustmentId = useRef<string | null>(null);
  const edit = (set: (value: string) => void) => (value: string) => {
    adjustmentId.current = null;
    setDone(null);
    set(value);
  };

  const submit = async () => {
    adjustmentId.current ??= newAdjustmentId();
    const body = AdjustmentBody.safeParse({
      memberId: memberId.trim(),
      amount: amount.trim() === '' ? Number.NaN : Number(amount),
      note,
      adjustmentId: adjustmentId.current,
    });
    if (!body.success) return setError('invalidAdjustment');
    setBusy(true);
    setError(null);
    try {
      const answer = await withSession((token) => adjustPoints(token, body.data));
      adjustmentId.current = null;
      setDone({ amount: body.data.amount, balance: answer.balance });
      setMemberId('');
      setAmount('');
      setNote('');
      onDone();
    } catch (failure) {
      setError(pointsErrorOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={ids.heading} data-testid="console-adjust">
      <h2 id={ids.heading}>{t('points.adjust')}</h2>
      <p className="hint">
        {t('points.adjustIntro', { max: new Intl.NumberFormat(locale).format(ADJUSTMENT_MAX) })}
      </p>
      {!isAdmin ? (
        <p className="note">{t('points.adminOnlyAdjust')}</p>
      ) : (
        <form
          className="stack narrow-form"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
          data-testid="console-adjust-form"
        >
          <div className="field">
            <label htmlFor={ids.member}>{t('points.memberId')}</label>
            <input
              id={ids.member}
              value={memberId}
              maxLength={64}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={ids.memberHint}
              aria-invalid={error === 'memberNotFound' ? true : undefined}
              onChange={(event) => edit(setMemberId)(event.target.value)}
              data-testid="console-adjust-member"
            />
            <span id={ids.memberHint} className="hint">
              {t('points.memberIdHint')}
            </span>
          </div>
          <div className="field">
            <label htmlFor={ids.amount}>{t('points.amount')}</label>
            <input
              id={ids.amount}
              type="number"
              inputMode="numeric"
              step={1}
              min={-ADJUSTMENT_MAX}
              max={ADJUSTMENT_MAX}
              value={amount}
              aria-describedby={ids.amountHint}
              aria-invalid={error === 'adjustmentBelowZero' ? true : undefined}
              onChange={(event) => edit(setAmount)(event.target.value)}
              data-testid="console-adjust-amount"
            />
            <span id={ids.amountHint} className="hint">
              {t('points.amountHint')}
            </span>
          </div>
          <div className="field">
            <label htmlFor={ids.note}>{t('points.note')}</label>
            <textarea
              id={ids.note}
              rows={2}
              maxLength={200}
              value={note}
              aria-required="true"
              aria-describedby={ids.noteHint}
              onChange={(event) => edit(setNote)(event.target.value)}
              data-testid="console-adjust-note"
            />
            <span id={ids.noteHint} className="hint">
              {t('points.noteHint')}
            </span>
          </div>
          <p role="alert" className="error" data-testid="console-adjust-error">
            {error ? t(`error.${error}`) : ''}
          </p>
          <p role="status" className="ok" data-testid="console-adjust-status">
            {done &&
              t('points.adjusted', {
                amount: new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' }).format(done.amount),
                balance: new Intl.NumberFormat(locale).format(done.balance),
              })}
          </p>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy} data-testid="console-adjust-submit">
              {busy ? t('points.saving') : t('points.adjustSubmit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
