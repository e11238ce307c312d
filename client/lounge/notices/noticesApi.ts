import { routes } from '../../../shared/protocol/routes.ts';
import type { MemberNoticesResponse } from '../../../shared/protocol/segments.ts';
import { callRoute } from '../../core/http.ts';

/** The member's unseen notices, oldest first. */
export async function fetchNotices(token: string) {
  const body = await callRoute<MemberNoticesResponse>(routes.campaignNotices, { token, cache: 'no-store' });
  return body.notices;
}

/** Marks one notice seen, so it never comes back on another visit or device. */
export const markSeen = (token: string, id: string) =>
  callRoute<void>(routes.campaignNoticeSeen, { token, params: { id } });
