import type { MemberContent } from '../../../shared/protocol/content.ts';
import type { ConsoleLiveEvent } from '../../../shared/protocol/live-events.ts';
import { routes } from '../../../shared/protocol/routes.ts';
import type {
  CampaignView,
  CreateCampaignBody,
  SavedSegment,
  SavedSegmentBody,
  SegmentFilter,
  SegmentPreview,
} from '../../../shared/protocol/segments.ts';
import { callRoute } from '../../core/http.ts';

// The campaigns page's calls, through the route table like the rest of the console (failures are ApiErrors).

/** How many members a filter matches now, with ten of them. */
export const previewSegment = (token: string, filter: SegmentFilter) =>
  callRoute<SegmentPreview>(routes.consoleSegmentPreview, { token, body: { filter } });
export const fetchSegments = (token: string) =>
  callRoute<{ segments: SavedSegment[] }>(routes.consoleSegments, { token });
export const saveSegment = (token: string, body: SavedSegmentBody) =>
  callRoute<SavedSegment>(routes.consoleCreateSegment, { token, body });
export const removeSegment = (token: string, id: string) =>
  callRoute<void>(routes.consoleDeleteSegment, { token, params: { id } });
export const fetchCampaigns = (token: string) =>
  callRoute<{ campaigns: CampaignView[] }>(routes.consoleCampaigns, { token });
/** Sends a campaign; the same requestId again answers the campaign it made and creates nothing. */
export const sendCampaign = (token: string, body: CreateCampaignBody) =>
  callRoute<{ campaign: CampaignView; created: boolean }>(routes.consoleCreateCampaign, { token, body });
/** The published content's lists the builder offers (levels, stamps, quests, prizes, gated rooms). */
export const fetchContent = () => callRoute<MemberContent>(routes.content);
/** Events an invitation may name. */
export const fetchEvents = (token: string) =>
  callRoute<{ events: ConsoleLiveEvent[] }>(routes.consoleEvents, { token });
