import type { PerksView, PerkView, ShippingBody } from '../../../shared/protocol/perks.ts';
import { routes } from '../../../shared/protocol/routes.ts';
import { callRoute } from '../../core/http.ts';

/** The member's perks, newest first, each with its state, code, QR payload and expiry (GET /api/perks). */
export async function fetchPerks(token: string): Promise<PerkView[]> {
  const body = await callRoute<PerksView>(routes.perks, { token, cache: 'no-store' });
  return body.perks;
}

/** Sends a physical perk's address once; answers the perk with its shipping submitted. */
export async function submitShipping(token: string, id: string, body: ShippingBody): Promise<PerkView> {
  const answer = await callRoute<{ perk: PerkView }>(routes.perkShipping, { token, params: { id }, body });
  return answer.perk;
}
