import { ShippingBody } from '../../../shared/protocol/perks.ts';
import type { MessageKey } from '../../core/i18n/en.ts';

/** The shipping form's fields as typed (three address lines; the empty ones are left out). */
export interface ShippingDraft {
  name: string;
  line1: string;
  line2: string;
  city: string;
  postcode: string;
  country: string;
}

export type ShippingField = keyof ShippingDraft;

export const EMPTY_SHIPPING: ShippingDraft = {
  name: '',
  line1: '',
  line2: '',
  city: '',
  postcode: '',
  country: '',
};

/** Longest value per field, as ShippingBody allows. */
export const SHIPPING_MAX: Readonly<Record<ShippingField, number>> = {
  name: 100,
  line1: 100,
  line2: 100,
  city: 80,
  postcode: 11,
  country: 2,
};

export type ShippingProblem = { key: MessageKey; vars?: Record<string, number> };

/** What is wrong with each field (none when the draft can be sent), checked as the server's ShippingBody does. */
export function shippingProblems(draft: ShippingDraft): Partial<Record<ShippingField, ShippingProblem>> {
  const problems: Partial<Record<ShippingField, ShippingProblem>> = {};
  for (const field of Object.keys(SHIPPING_MAX) as ShippingField[]) {
    const value = draft[field].trim();
    if (!value && field !== 'line2') problems[field] = { key: 'perks.ship.required' };
    else if (value.length > SHIPPING_MAX[field] && field !== 'postcode' && field !== 'country')
      problems[field] = { key: 'perks.ship.tooLong', vars: { max: SHIPPING_MAX[field] } };
  }
  const postcode = draft.postcode.trim();
  if (postcode && !/^[A-Za-z0-9][A-Za-z0-9 -]{1,10}$/.test(postcode))
    problems.postcode = { key: 'perks.ship.badPostcode' };
  const country = draft.country.trim();
  if (country && !/^[A-Za-z]{2}$/.test(country)) problems.country = { key: 'perks.ship.badCountry' };
  return problems;
}

/** The body POST /api/perks/:id/shipping takes, or null when the draft does not pass ShippingBody. */
export function shippingBody(draft: ShippingDraft): ShippingBody | null {
  const parsed = ShippingBody.safeParse({
    name: draft.name,
    addressLines: [draft.line1, draft.line2].map((line) => line.trim()).filter(Boolean),
    city: draft.city,
    postcode: draft.postcode,
    country: draft.country,
  });
  return parsed.success ? parsed.data : null;
}
