import { z } from 'zod';
import { LOCALES, MemberLocale } from './sign-in.ts';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase-dashed id');
const ids = z.array(slug).min(1).max(50);
const days = z.number().int().min(1).max(3650);
const points = z.number().int().min(-1_000_000_000).max(1_000_000_000);

/** How a member can sign in: a wallet address, a lasting credential, or none of those (a guest). */
export const SIGN_IN_KINDS = ['guest', 'wallet', 'email', 'passkey', 'oidc'] as const;
export const SignInKind = z.enum(SIGN_IN_KINDS);
export type SignInKind = z.infer<typeof SignInKind>;

/**
 * Who a campaign reaches: every clause given must hold (AND); a list clause holds when any of its items does,
 * except `stampsAll`. An empty filter is every member.
 */
export const SegmentFilter = z
  .strictObject({
    statusLevels: ids.optional(),
    stampsAll: ids.optional(),
    stampsAny: ids.optional(),
    questsDone: ids.optional(),
    points: z.strictObject({ min: points.optional(), max: points.optional() }).optional(),
    lastVisitWithinDays: days.optional(),
    notVisitedForDays: days.optional(),
    locales: z.array(MemberLocale).min(1).max(LOCALES.length).optional(),
    signInKinds: z.array(SignInKind).min(1).max(SIGN_IN_KINDS.length).optional(),
    /** The room id of a gated room: members whose indexed holdings meet its gate rule. */
    holdsGate: z.string().min(1).max(64).optional(),
  })
  .superRefine((filter, ctx) => {
    const range = filter.points;
    if (range && range.min === undefined && range.max === undefined)
      ctx.addIssue({ code: 'custom', path: ['points'], message: 'give min, max or both' });
    if (range?.min !== undefined && range.max !== undefined && range.min > range.max)
      ctx.addIssue({ code: 'custom', path: ['points', 'max'], message: 'max must not be below min' });
  });
export type SegmentFilter = z.infer<typeof SegmentFilter>;

/** POST /api/console/segments/preview. */
export const SegmentPreviewBody = z.strictObject({ filter: SegmentFilter });

/** One member of a preview's sample. */
export interface SegmentSampleMember {
  displayName: string;
  status: string;
}

/** What a preview answers: how many members match, and up to 10 of them. */
export interface SegmentPreview {
  size: number;
  sample: SegmentSampleMember[];
}

/** POST and PUT of a saved segment. */
export const SavedSegmentBody = z.strictObject({
  name: z.string().trim().min(1).max(80),
  filter: SegmentFilter,
});
export type SavedSegmentBody = z.infer<typeof SavedSegmentBody>;

/** A saved segment as the console lists it. */
export interface SavedSegment extends SavedSegmentBody {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** Text a member reads in their language: English required, the others fall back to it. */
export const CampaignText = z.strictObject({
  en: z.string().trim().min(1),
  'zh-Hant': z.string().trim().optional(),
  'zh-Hans': z.string().trim().optional(),
  vi: z.string().trim().optional(),
});
export type CampaignText = z.infer<typeof CampaignText>;

const titleText = CampaignText.refine((text) => Object.values(text).every((v) => !v || v.length <= 120), {
  message: 'a title is at most 120 characters',
});
const bodyText = CampaignText.refine((text) => Object.values(text).every((v) => !v || v.length <= 2000), {
  message: 'a text is at most 2000 characters',
});

/** What a campaign sends: a prize minted to each member, a notice, or an invitation to a live event. */
export const CampaignContent = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('drop'), prizeId: slug }),
  z.strictObject({ kind: z.literal('announcement'), title: titleText, body: bodyText }),
  z.strictObject({ kind: z.literal('invitation'), eventId: z.string().min(1).max(64), message: bodyText }),
]);
export type CampaignContent = z.infer<typeof CampaignContent>;
export type CampaignKind = CampaignContent['kind'];

/**
 * POST /api/console/campaigns: to a saved segment or a filter given inline (exactly one). `requestId` is the
 * client's own id for this send: the same id again creates nothing and answers the campaign it made.
 */
export const CreateCampaignBody = z
  .strictObject({
    requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8-64 letters, digits, - or _'),
    segmentId: z.string().min(1).max(64).optional(),
    filter: SegmentFilter.optional(),
    content: CampaignContent,
  })
  .refine((body) => (body.segmentId === undefined) !== (body.filter === undefined), {
    message: 'give segmentId or filter, not both',
    path: ['segmentId'],
  });
export type CreateCampaignBody = z.infer<typeof CreateCampaignBody>;

/** How far a campaign has gone: prizes minted, emails sent, notices seen. */
export interface CampaignCounts {
  members: number;
  minted: number;
  emailed: number;
  seen: number;
}

/** A campaign as the console lists it. */
export interface CampaignView {
  id: string;
  kind: CampaignKind;
  segmentName: string | null;
  content: CampaignContent;
  createdAt: string;
  createdBy: string;
  counts: CampaignCounts;
}

/** What `dropTooLarge` carries: the segment's size against what the prize can still give. */
export interface DropTooLargeDetail {
  size: number;
  remainingSupply: number;
  /** Members of the segment already at the prize's per-member cap or today's prize cap. */
  atMemberCap: number;
}

/** A notice a member sees at their next visit (an announcement or an invitation). */
export interface MemberNotice {
  id: string;
  kind: 'announcement' | 'invitation';
  /** Announcements only; the client shows the member's language, else English. */
  title?: CampaignText;
  body: CampaignText;
  /** Invitations: the live event, where it is held, and when. */
  event?: { id: string; hall: string; startsAt: string; endsAt: string; live: boolean };
  createdAt: string;
}

/** GET /api/campaigns/notices. */
export interface MemberNoticesResponse {
  notices: MemberNotice[];
}
