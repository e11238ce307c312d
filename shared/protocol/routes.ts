import { z } from 'zod';
import { LiveEventSpec } from '../content/live-events.ts';
import { AnalyticsCsvParams, ProgramAnalyticsQuery } from './analytics.ts';
import { PutLookBody } from './avatar.ts';
import { BrandImageParams, PublishBrandBody } from './brand.ts';
import { PurchaseBody } from './catalogue.ts';
import { CheckinBody } from './checkin.ts';
import {
  AdjustmentBody,
  CreatePartnerBody,
  PartnerActivitiesQuery,
  PointsSummaryQuery,
} from './console-points.ts';
import { ContentItemParams, PreviewBody, PublishBody, RollbackBody } from './content.ts';
import { LeaderboardParams, LeaderboardQuery } from './games.ts';
import { EraseMeBody, GuestSignInBody, RpcRelayBody, TestWalletBody } from './http.ts';
import { MediaTokenBody } from './media.ts';
import {
  PARTNER_API_PREFIX,
  PartnerActivityBody,
  PartnerActivityParams,
  PartnerErasureBody,
} from './partners.ts';
import { ConsolePassGrantBody } from './passes.ts';
import { PerkParams, PoolUploadBody, ShippingBody } from './perks.ts';
import { PointsHistoryQuery } from './points.ts';
import { RelayActionParams, RelayClaimParams, RelayPrepareBody, RelaySubmitBody } from './relay.ts';
import { CreateCampaignBody, SavedSegmentBody, SegmentPreviewBody } from './segments.ts';
import {
  ConsentBody,
  ConsoleMembersQuery,
  EmailStartBody,
  EmailVerifyBody,
  LocaleBody,
  MergeBody,
  OidcStartBody,
  PasskeyLoginBody,
  PasskeyRegisterBody,
  RebindEmailBody,
} from './sign-in.ts';
import { SiweNonceBody, SiweVerifyBody } from './siwe.ts';
import { AuditQuery, TeamGrantBody, TeamRevokeBody } from './team.ts';

/** HTTP methods the server answers. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One HTTP route: method, path (`:name` marks a parameter) and, where the body or query is checked, its schema. */
export interface RouteSpec {
  method: HttpMethod;
  path: string;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
}

/** Paths under these answer JSON: an unknown one is a 404 error body, never the client's page. */
export const API_PREFIXES = ['/api', '/auth', '/dev'] as const;

/** Every /api/console route sits under this prefix, behind the host role. */
export const CONSOLE_API_PREFIX = '/api/console';

/** Query of DELETE /api/console/bans/:memberId: which ban to lift. */
export const LiftBanQuery = z.strictObject({
  scope: z.enum(['event', 'brand']),
  eventId: z.string().max(64).default(''),
});

/** The server registers every route from here and both clients call through it: no path is written twice. */
export const routes = {
  health: { method: 'GET', path: '/health' },
  lounge: { method: 'GET', path: '/' },
  consolePage: { method: 'GET', path: '/console' },
  consolePageHtml: { method: 'GET', path: '/console.html' },

  guestSignIn: { method: 'POST', path: '/auth/guest', body: GuestSignInBody },
  testWallet: { method: 'POST', path: '/auth/test-wallet', body: TestWalletBody },
  logout: { method: 'POST', path: '/auth/logout' },
  siweNonce: { method: 'POST', path: '/auth/siwe/nonce', body: SiweNonceBody },
  siweVerify: { method: 'POST', path: '/auth/siwe/verify', body: SiweVerifyBody },
  /** Which sign-ins this lounge offers (email, passkeys, the brand's login, WalletConnect). */
  signInOptions: { method: 'GET', path: '/auth/options' },
  /** Cookie only (the refresh credential), Origin checked: a new access token and a rotated cookie. */
  refresh: { method: 'POST', path: '/auth/refresh' },
  emailStart: { method: 'POST', path: '/auth/email/start', body: EmailStartBody },
  emailVerify: { method: 'POST', path: '/auth/email/verify', body: EmailVerifyBody },
  passkeyRegisterOptions: { method: 'POST', path: '/auth/passkey/register/options' },
  passkeyRegisterVerify: { method: 'POST', path: '/auth/passkey/register/verify', body: PasskeyRegisterBody },
  passkeyLoginOptions: { method: 'POST', path: '/auth/passkey/login/options' },
  passkeyLoginVerify: { method: 'POST', path: '/auth/passkey/login/verify', body: PasskeyLoginBody },
  /** Answers `{ url }`: the brand's authorization URL (code flow with PKCE) to navigate to. */
  oidcStart: { method: 'POST', path: '/auth/oidc/start', body: OidcStartBody },
  /** The brand's login redirects here; it sets the refresh cookie and redirects to the lounge. */
  oidcCallback: { method: 'GET', path: '/auth/oidc/callback' },
  merge: { method: 'POST', path: '/auth/merge', body: MergeBody },
  /** Dev chain without SMTP_URL only: what the embedded SMTP catcher received (a page and its JSON). */
  devMailbox: { method: 'GET', path: '/dev/mailbox' },
  devMailboxMessages: { method: 'GET', path: '/dev/mailbox/messages' },

  me: { method: 'GET', path: '/api/members/me' },
  eraseMe: { method: 'DELETE', path: '/api/members/me', body: EraseMeBody },
  exportMe: { method: 'GET', path: '/api/members/me/export' },
  myDevices: { method: 'GET', path: '/api/members/me/devices' },
  /** Signs every browser of the member out, this one included. */
  signOutAllDevices: { method: 'DELETE', path: '/api/members/me/devices' },
  signOutDevice: { method: 'DELETE', path: '/api/members/me/devices/:id' },
  myCredentials: { method: 'GET', path: '/api/members/me/credentials' },
  removeCredential: { method: 'DELETE', path: '/api/members/me/credentials/:id' },
  setConsent: { method: 'PUT', path: '/api/members/me/consent', body: ConsentBody },
  setLocale: { method: 'PUT', path: '/api/members/me/locale', body: LocaleBody },
  /** The member's avatar look (issue 21): GET answers LookResponse; PUT stores a look whose `wear` they hold. */
  myLook: { method: 'GET', path: '/api/members/me/look' },
  setLook: { method: 'PUT', path: '/api/members/me/look', body: PutLookBody },
  leaderboard: {
    method: 'GET',
    path: '/api/games/:gameId/leaderboard',
    params: LeaderboardParams,
    query: LeaderboardQuery,
  },
  liveEvents: { method: 'GET', path: '/api/events' },
  /** Published content, member-safe (no trivia questions), with ETag "v<version>" (issue 20). */
  content: { method: 'GET', path: '/api/content' },
  /** Member points (issue 19): balance, history and expiry notice; the catalogue; purchases (once per purchaseId). */
  pointsSummary: { method: 'GET', path: '/api/points', query: PointsHistoryQuery },
  pointsCatalogue: { method: 'GET', path: '/api/points/catalogue' },
  pointsPurchases: { method: 'GET', path: '/api/points/purchases' },
  pointsPurchase: { method: 'POST', path: '/api/points/purchases', body: PurchaseBody },
  /** Perks (issue 18): the member's perks; a physical perk's shipping form; the console's code pools (upload as text/CSV). */
  perks: { method: 'GET', path: '/api/perks' },
  perkShipping: { method: 'POST', path: '/api/perks/:id/shipping', params: PerkParams, body: ShippingBody },
  consolePerkPools: { method: 'GET', path: `${CONSOLE_API_PREFIX}/perk-pools` },
  consolePerkPoolUpload: { method: 'POST', path: `${CONSOLE_API_PREFIX}/perk-pools`, body: PoolUploadBody },

  /** Gasless member actions (issue 18): prizes by place, prepare/sign/submit redeem and gift, claim links. */
  relayOverview: { method: 'GET', path: '/api/relay' },
  relayPrepare: { method: 'POST', path: '/api/relay/prepare', body: RelayPrepareBody },
  relaySubmit: { method: 'POST', path: '/api/relay/actions', body: RelaySubmitBody },
  relayAction: { method: 'GET', path: '/api/relay/actions/:id', params: RelayActionParams },
  relayClaimView: { method: 'GET', path: '/api/relay/claims/:token', params: RelayClaimParams },
  relayClaim: { method: 'POST', path: '/api/relay/claims/:token', params: RelayClaimParams },

  passMetadata: { method: 'GET', path: '/metadata/pass/:id' },
  passArt: { method: 'GET', path: '/passes' },
  /** Token metadata (issue 18): ERC-1155 `{id}` documents, their localized variants, ERC-7572 and token art. */
  stampMetadata: { method: 'GET', path: '/metadata/stamp/:id' },
  stampMetadataLocalized: { method: 'GET', path: '/metadata/stamp/:locale/:id' },
  prizeMetadata: { method: 'GET', path: '/metadata/prize/:id' },
  prizeMetadataLocalized: { method: 'GET', path: '/metadata/prize/:locale/:id' },
  passMetadataLocalized: { method: 'GET', path: '/metadata/pass/:locale/:id' },
  contractMetadata: { method: 'GET', path: '/metadata/contract/:name' },
  stampArt: { method: 'GET', path: '/stamps/:file' },
  prizeArt: { method: 'GET', path: '/prizes/:file' },
  metrics: { method: 'GET', path: '/metrics' },
  rpc: { method: 'POST', path: '/rpc', body: RpcRelayBody },
  /** Partner API (issue 19): signed by the partner (HMAC over the raw body), except its OpenAPI document. */
  partnerOpenApi: { method: 'GET', path: `${PARTNER_API_PREFIX}/openapi.json` },
  partnerActivities: { method: 'POST', path: `${PARTNER_API_PREFIX}/activities`, body: PartnerActivityBody },
  partnerActivity: {
    method: 'GET',
    path: `${PARTNER_API_PREFIX}/activities/:id`,
    params: PartnerActivityParams,
  },
  partnerReversal: {
    method: 'POST',
    path: `${PARTNER_API_PREFIX}/activities/:id/reversal`,
    params: PartnerActivityParams,
  },
  partnerErasure: { method: 'POST', path: `${PARTNER_API_PREFIX}/erasure`, body: PartnerErasureBody },

  consoleMe: { method: 'GET', path: `${CONSOLE_API_PREFIX}/me` },
  consoleEvents: { method: 'GET', path: `${CONSOLE_API_PREFIX}/events` },
  consoleCreateEvent: { method: 'POST', path: `${CONSOLE_API_PREFIX}/events`, body: LiveEventSpec },
  consoleEvent: { method: 'GET', path: `${CONSOLE_API_PREFIX}/events/:id` },
  consoleUpdateEvent: { method: 'PUT', path: `${CONSOLE_API_PREFIX}/events/:id`, body: LiveEventSpec },
  consoleCancelEvent: { method: 'DELETE', path: `${CONSOLE_API_PREFIX}/events/:id` },
  consoleLiveView: { method: 'GET', path: `${CONSOLE_API_PREFIX}/events/:id/live` },
  consoleAnalytics: { method: 'GET', path: `${CONSOLE_API_PREFIX}/events/:id/analytics` },
  consoleLiftBan: { method: 'DELETE', path: `${CONSOLE_API_PREFIX}/bans/:memberId`, query: LiftBanQuery },
  consoleContent: { method: 'GET', path: `${CONSOLE_API_PREFIX}/content` },
  /** The body is checked against the kind's content schema; `{ remove: true }` removes the item on publish. */
  consoleSaveContent: {
    method: 'PUT',
    path: `${CONSOLE_API_PREFIX}/content/:kind/:id`,
    params: ContentItemParams,
  },
  consoleDeleteDraft: {
    method: 'DELETE',
    path: `${CONSOLE_API_PREFIX}/content/:kind/:id`,
    params: ContentItemParams,
  },
  /** Published content (issue 20): preview, publish every draft, roll back to a copy of an older version. */
  consolePreviewContent: { method: 'POST', path: `${CONSOLE_API_PREFIX}/content/preview`, body: PreviewBody },
  consolePublishContent: { method: 'POST', path: `${CONSOLE_API_PREFIX}/content/publish`, body: PublishBody },
  consoleRollbackContent: {
    method: 'POST',
    path: `${CONSOLE_API_PREFIX}/content/rollback`,
    body: RollbackBody,
  },
  /** Support flow: find a member by name or id, and re-bind their email (audited). */
  consoleMembers: { method: 'GET', path: `${CONSOLE_API_PREFIX}/members`, query: ConsoleMembersQuery },
  consoleRebindEmail: {
    method: 'PUT',
    path: `${CONSOLE_API_PREFIX}/members/:memberId/email`,
    body: RebindEmailBody,
  },
  /** Points (issue 19): liability and earn/burn, partners (secrets answered once), manual adjustments (admins). */
  consolePointsSummary: {
    method: 'GET',
    path: `${CONSOLE_API_PREFIX}/points/summary`,
    query: PointsSummaryQuery,
  },
  consolePartners: { method: 'GET', path: `${CONSOLE_API_PREFIX}/partners` },
  consoleCreatePartner: { method: 'POST', path: `${CONSOLE_API_PREFIX}/partners`, body: CreatePartnerBody },
  consoleRotatePartner: { method: 'POST', path: `${CONSOLE_API_PREFIX}/partners/:id/rotate` },
  consolePartnerActivities: {
    method: 'GET',
    path: `${CONSOLE_API_PREFIX}/partners/:id/activities`,
    query: PartnerActivitiesQuery,
  },
  consoleAdjustPoints: {
    method: 'POST',
    path: `${CONSOLE_API_PREFIX}/points/adjustments`,
    body: AdjustmentBody,
  },
  /** Check-in (issue 18): any console staff role looks a perk code up and marks it used, once. */
  consoleCheckinLookup: { method: 'POST', path: `${CONSOLE_API_PREFIX}/checkin/lookup`, body: CheckinBody },
  consoleCheckinUse: { method: 'POST', path: `${CONSOLE_API_PREFIX}/checkin/use`, body: CheckinBody },
  /** LoungePasses (issue 18): the member's own pass; admins apply a console pass rule to a member, once. */
  memberPass: { method: 'GET', path: '/api/members/me/pass' },
  consolePassGrant: {
    method: 'POST',
    path: `${CONSOLE_API_PREFIX}/passes/grants`,
    body: ConsolePassGrantBody,
  },
  /** Program analytics (issue 20): every table for a period; each table as CSV (`:table.csv`). */
  consoleProgramAnalytics: {
    method: 'GET',
    path: `${CONSOLE_API_PREFIX}/analytics/program`,
    query: ProgramAnalyticsQuery,
  },
  consoleProgramAnalyticsCsv: {
    method: 'GET',
    path: `${CONSOLE_API_PREFIX}/analytics/program/:table.csv`,
    params: AnalyticsCsvParams,
    query: ProgramAnalyticsQuery,
  },
  /** Live media (issue 22): whether Janus is up here, and a short-lived Janus token for the member's own space. */
  mediaStatus: { method: 'GET', path: '/api/media/status' },
  mediaToken: { method: 'POST', path: '/api/media/token', body: MediaTokenBody },
  /** Campaigns (issue 20): segments previewed and saved, drops/announcements/invitations sent; members' notices. */
  consoleSegmentPreview: {
    method: 'POST',
    path: `${CONSOLE_API_PREFIX}/segments/preview`,
    body: SegmentPreviewBody,
  },
  consoleSegments: { method: 'GET', path: `${CONSOLE_API_PREFIX}/segments` },
  consoleCreateSegment: { method: 'POST', path: `${CONSOLE_API_PREFIX}/segments`, body: SavedSegmentBody },
  consoleUpdateSegment: { method: 'PUT', path: `${CONSOLE_API_PREFIX}/segments/:id`, body: SavedSegmentBody },
  consoleDeleteSegment: { method: 'DELETE', path: `${CONSOLE_API_PREFIX}/segments/:id` },
  consoleCampaigns: { method: 'GET', path: `${CONSOLE_API_PREFIX}/campaigns` },
  consoleCreateCampaign: {
    method: 'POST',
    path: `${CONSOLE_API_PREFIX}/campaigns`,
    body: CreateCampaignBody,
  },
  campaignNotices: { method: 'GET', path: '/api/campaigns/notices' },
  campaignNoticeSeen: { method: 'POST', path: '/api/campaigns/notices/:id/seen' },
  /** Brand kit (issue 20): the live kit (ETag), its images (immutable), the console's read, publish and upload. */
  brand: { method: 'GET', path: '/api/brand' },
  brandImage: { method: 'GET', path: '/api/brand/images/:id', params: BrandImageParams },
  consoleBrand: { method: 'GET', path: `${CONSOLE_API_PREFIX}/brand` },
  consolePublishBrand: { method: 'PUT', path: `${CONSOLE_API_PREFIX}/brand`, body: PublishBrandBody },
  /** The body is the image itself (image/png, image/jpeg or image/webp, up to 1 MiB), not JSON. */
  consoleBrandImageUpload: { method: 'POST', path: `${CONSOLE_API_PREFIX}/brand/images` },
  /** Team (issue 20, owners): principals and their roles, grants, revocations, and the audit log. */
  consoleTeam: { method: 'GET', path: `${CONSOLE_API_PREFIX}/team` },
  consoleTeamGrant: { method: 'POST', path: `${CONSOLE_API_PREFIX}/team/grants`, body: TeamGrantBody },
  consoleTeamRevoke: { method: 'POST', path: `${CONSOLE_API_PREFIX}/team/revocations`, body: TeamRevokeBody },
  consoleAudit: { method: 'GET', path: `${CONSOLE_API_PREFIX}/audit`, query: AuditQuery },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof routes;

/** The parameter names of a path, as an object type: `'/a/:id/b/:kind'` -> `{ id: string; kind: string }`. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string | number } & PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string | number }
    : Record<never, never>;

/** Fills a route's `:name` parameters (URI-encoded); a missing one is an error, not a literal `:name` in the URL. */
export function routePath<P extends string>(path: P, params: PathParams<P>): string {
  const values = params as Record<string, string | number>;
  return path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Layover: route ${path} needs parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
