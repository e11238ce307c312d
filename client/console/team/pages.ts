import { type Capability, mayDo, type StaffRoleName } from '../../../shared/protocol/staff-roles.ts';
import type { ConsoleView } from '../store.ts';

/** The capability each console page needs; its tab shows only to members whose roles carry it. */
export const PAGE_CAPABILITY: Record<ConsoleView['page'], Capability> = {
  events: 'events',
  event: 'events',
  content: 'content',
  members: 'support',
  points: 'analytics',
  checkin: 'checkin',
  brand: 'content',
  campaigns: 'campaigns',
  analytics: 'analytics',
  team: 'team',
};

/** Whether a member holding `roles` may open `page`. */
export const mayOpen = (roles: readonly StaffRoleName[], page: ConsoleView['page']): boolean =>
  mayDo(roles, PAGE_CAPABILITY[page]);

/** Where a member lands after signing in: the page shown if they may open it, else the first page they may. */
export function landingView(roles: readonly StaffRoleName[], current: ConsoleView): ConsoleView {
  if (mayOpen(roles, current.page)) return current;
  const first = (Object.keys(PAGE_CAPABILITY) as ConsoleView['page'][]).find(
    (page) => page !== 'event' && mayOpen(roles, page),
  );
  return first && first !== 'event' ? { page: first } : current;
}
