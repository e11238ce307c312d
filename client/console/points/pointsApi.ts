import type {
  ActivityStatus,
  AdjustmentBody,
  AdjustmentResponse,
  ConsoleActivitiesResponse,
  ConsolePartnersResponse,
  ConsolePointsSummary,
  CreatePartnerBody,
  PartnerSecretResponse,
} from '../../../shared/protocol/console-points.ts';
import { routes } from '../../../shared/protocol/routes.ts';
import { callRoute } from '../../core/http.ts';

// The points page's calls, through the route table like the rest of the console (failures are ApiErrors).

/** Liability now and earn/burn for the last `days` UTC days. */
export const fetchPointsSummary = (token: string, days: number) =>
  callRoute<ConsolePointsSummary>(routes.consolePointsSummary, { token, query: { days: String(days) } });
/** Every partner (never a secret). */
export const fetchPartners = (token: string) =>
  callRoute<ConsolePartnersResponse>(routes.consolePartners, { token });
/** Admins: registers a partner; the answer carries its secret, this once. */
export const createPartner = (token: string, body: CreatePartnerBody) =>
  callRoute<PartnerSecretResponse>(routes.consoleCreatePartner, { token, body });
/** Admins: a new secret for the partner (the old one stops working); shown once. */
export const rotatePartner = (token: string, id: string) =>
  callRoute<PartnerSecretResponse>(routes.consoleRotatePartner, { token, params: { id } });
/** A partner's latest activities, optionally of one status. */
export const fetchPartnerActivities = (token: string, id: string, status?: ActivityStatus) =>
  callRoute<ConsoleActivitiesResponse>(routes.consolePartnerActivities, {
    token,
    params: { id },
    ...(status ? { query: { status } } : {}),
  });
/** Admins: credits or debits a member; the same adjustmentId never posts twice. */
export const adjustPoints = (token: string, body: AdjustmentBody) =>
  callRoute<AdjustmentResponse>(routes.consoleAdjustPoints, { token, body });
