import { useEffect, useId, useRef, useState } from 'react';
import type { CheckinPerk, CheckinUseResponse } from '../../../shared/protocol/checkin.ts';
import { useT } from '../i18n/useT.ts';
import { withSession } from '../session.ts';
import { useConsoleStore } from '../store.ts';
import { lookupCode, markCodeUsed } from './checkinApi.ts';
import { type CheckinPageError, checkinErrorOf, isCheckinOwn } from './checkinErrors.ts';
import { PerkCard } from './PerkCard.tsx';
import { QrScanner } from './QrScanner.tsx';
import './checkin.css';

/**
 * The brand's desk: staff type a member's perk code or scan its QR with the camera, see what it is and whose, and
 * mark it used once. Made for a phone held at a counter and for the keyboard alone: Enter looks up, focus moves to
 * the big button, Enter again uses it, and "Next code" brings the cursor back to the field.
 */
export default function CheckinPage() {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const ids = { heading: useId(), code: useId(), hint: useId() };
  const [code, setCode] = useState('');
  const [perk, setPerk] = useState<CheckinPerk | null>(null);
  const [outcome, setOutcome] = useState<CheckinUseResponse['result'] | null>(null);
  const [error, setError] = useState<CheckinPageError | null>(null);
  const [busy, setBusy] = useState<'lookup' | 'use' | null>(null);
  const [scanning, setScanning] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const useButton = useRef<HTMLButtonElement>(null);
  const result = useRef<HTMLDivElement>(null);
  /** The code the card shows, as the server formats it (what "Mark as used" sends). */
  const shown = perk?.code ?? null;

  const lookup = async (text: string) => {
    if (!text.trim()) return setError('invalidCode');
    setBusy('lookup');
    setError(null);
    setOutcome(null);
    try {
      const answer = await withSession((token) => lookupCode(token, text, locale));
      setPerk(answer.perk);
      setCode(answer.perk.code);
    } catch (failure) {
      setPerk(null);
      setError(checkinErrorOf(failure));
    } finally {
      setBusy(null);
    }
  };

  const markUsed = async () => {
    if (!shown) return;
    setBusy('use');
    setError(null);
    try {
      const answer = await withSession((token) => markCodeUsed(token, shown, locale));
      setPerk(answer.perk);
      setOutcome(answer.result);
    } catch (failure) {
      setError(checkinErrorOf(failure));
    } finally {
      setBusy(null);
    }
  };

  const next = () => {
    setCode('');
    setPerk(null);
    setOutcome(null);
    setError(null);
    input.current?.focus();
  };

  // The desk starts typing at once.
  useEffect(() => input.current?.focus(), []);

  // After a lookup: the big button when the perk can be used, else the card's verdict; after a use, the verdict.
  useEffect(() => {
    if (!perk) return;
    if (perk.state === 'ready') useButton.current?.focus();
    else result.current?.focus();
  }, [perk]);

  // The card names the prize in the staff language: read it again when the language changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a language change re-reads the shown perk.
  useEffect(() => {
    if (shown)
      void withSession((token) => lookupCode(token, shown, locale)).then(
        (a) => setPerk(a.perk),
        () => {},
      );
  }, [locale]);

  return (
    <div className="checkin">
      <section className="card" aria-labelledby={ids.heading} data-testid="console-checkin">
        <h2 id={ids.heading}>{t('checkin.heading')}</h2>
        <p className="hint">{t('checkin.intro')}</p>
        <form
          className="checkin-form"
          onSubmit={(event) => {
            event.preventDefault();
            void lookup(code);
          }}
        >
          <div className="field">
            <label htmlFor={ids.code}>{t('checkin.codeLabel')}</label>
            <input
              ref={input}
              id={ids.code}
              className="code-input"
              value={code}
              maxLength={200}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              enterKeyHint="search"
              aria-describedby={ids.hint}
              aria-invalid={error === 'unknownCode' || error === 'invalidCode' ? true : undefined}
              onChange={(event) => setCode(event.target.value)}
              data-testid="checkin-code"
            />
            <span id={ids.hint} className="hint">
              {t('checkin.codeHint')}
            </span>
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy !== null} data-testid="checkin-lookup">
              {busy === 'lookup' ? t('checkin.looking') : t('checkin.lookup')}
            </button>
            <button
              type="button"
              aria-pressed={scanning}
              onClick={() => {
                setError(null);
                setScanning((on) => !on);
              }}
              data-testid="checkin-scan"
            >
              {t('checkin.scan')}
            </button>
          </div>
        </form>
        {scanning && (
          <QrScanner
            onCode={(text) => {
              setScanning(false);
              setCode(text);
              void lookup(text);
            }}
            onClose={() => {
              setScanning(false);
              input.current?.focus();
            }}
            onError={(camera) => {
              setScanning(false);
              setError(camera);
            }}
          />
        )}
        <p role="alert" className="error" data-testid="checkin-error">
          {error ? (isCheckinOwn(error) ? t(`checkin.error.${error}`) : t(`error.${error}`)) : ''}
        </p>
      </section>
      {perk && (
        <div ref={result} tabIndex={-1} className="checkin-result" data-testid="checkin-result">
          <PerkCard
            ref={useButton}
            perk={perk}
            outcome={outcome}
            busy={busy === 'use'}
            onUse={() => void markUsed()}
          />
          <button type="button" onClick={next} className="next-code" data-testid="checkin-next">
            {t('checkin.next')}
          </button>
        </div>
      )}
    </div>
  );
}
