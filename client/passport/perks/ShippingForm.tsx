import { type FormEvent, useId, useRef, useState } from 'react';
import type { PerkView } from '../../../shared/protocol/perks.ts';
import { ApiError } from '../../core/http.ts';
import type { MessageKey } from '../../core/i18n/en.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { perkErrorKey } from './perkErrors.ts';
import { submitShipping } from './perksApi.ts';
import {
  EMPTY_SHIPPING,
  SHIPPING_MAX,
  type ShippingDraft,
  type ShippingField,
  type ShippingProblem,
  shippingBody,
  shippingProblems,
} from './shippingForm.ts';

export interface ShippingFormProps {
  perkId: string;
  onSent: (perk: PerkView) => void;
}

const FIELDS: readonly { field: ShippingField; label: MessageKey; auto: string }[] = [
  { field: 'name', label: 'perks.ship.name', auto: 'name' },
  { field: 'line1', label: 'perks.ship.line1', auto: 'address-line1' },
  { field: 'line2', label: 'perks.ship.line2', auto: 'address-line2' },
  { field: 'city', label: 'perks.ship.city', auto: 'address-level2' },
  { field: 'postcode', label: 'perks.ship.postcode', auto: 'postal-code' },
  { field: 'country', label: 'perks.ship.country', auto: 'country' },
];

/** A physical perk's address: labelled fields, each with its own message, checked before and by the server. */
export function ShippingForm({ perkId, onSent }: ShippingFormProps) {
  const t = useT();
  const token = useLayoverStore((state) => state.token);
  const baseId = useId();
  const [draft, setDraft] = useState<ShippingDraft>(EMPTY_SHIPPING);
  const [problems, setProblems] = useState<Partial<Record<ShippingField, ShippingProblem>>>({});
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef<Partial<Record<ShippingField, HTMLInputElement | null>>>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = shippingProblems(draft);
    setProblems(found);
    const first = FIELDS.find(({ field }) => found[field]);
    const body = shippingBody(draft);
    if (first || !body) return inputs.current[first?.field ?? 'name']?.focus();
    if (!token) return;
    setBusy(true);
    setError(null);
    submitShipping(token, perkId, body).then(
      (perk) => onSent(perk),
      (failure: unknown) => {
        setError(perkErrorKey(failure instanceof ApiError ? failure.code : 'other'));
        setBusy(false);
      },
    );
  };

  return (
    <form className="perk-ship" onSubmit={onSubmit} noValidate data-testid={`perk-ship-${perkId}`}>
      <h5>{t('perks.ship.heading')}</h5>
      {FIELDS.map(({ field, label, auto }) => {
        const id = `${baseId}-${field}`;
        const problem = problems[field];
        return (
          <div key={field} className="perk-ship-field">
            <label htmlFor={id}>{t(label)}</label>
            <input
              id={id}
              ref={(element) => {
                inputs.current[field] = element;
              }}
              value={draft[field]}
              maxLength={SHIPPING_MAX[field] + 20}
              autoComplete={auto}
              aria-invalid={problem !== undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              disabled={busy}
              onChange={(event) => {
                setDraft((current) => ({ ...current, [field]: event.target.value }));
                setProblems(({ [field]: _gone, ...rest }) => rest);
              }}
              data-testid={`perk-ship-${field}`}
            />
            {problem && (
              <p id={`${id}-problem`} className="prize-error">
                {t(problem.key, problem.vars)}
              </p>
            )}
          </div>
        );
      })}
      {error && (
        <p className="prize-error" role="alert">
          {t(error)}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy} data-testid="perk-ship-submit">
        {t(busy ? 'perks.ship.sending' : 'perks.ship.submit')}
      </button>
    </form>
  );
}
