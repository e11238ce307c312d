import type { MemberContent } from '../../../shared/protocol/content.ts';
import type { Slice } from '../slice.ts';

/** Where the client stands with the published content: nothing yet, loaded, or the last load failed. */
export type ContentStatus = 'loading' | 'ready' | 'failed';

/** The published content the lounge shows (GET /api/content), with the ETag it came with. */
export interface ContentSlice {
  content: MemberContent | null;
  contentEtag: string | null;
  contentStatus: ContentStatus;
  /** A newer version arrived: every component reading content re-renders on it. */
  setContent: (content: MemberContent, etag: string | null) => void;
  setContentStatus: (status: ContentStatus) => void;
}

/** Content is the brand's, not the member's: signing out keeps it, so there is no reset. */
export const contentInitialState = {
  content: null as MemberContent | null,
  contentEtag: null as string | null,
  contentStatus: 'loading' as ContentStatus,
};

export const createContentSlice: Slice<ContentSlice> = (set) => ({
  ...contentInitialState,
  setContent: (content, etag) => set({ content, contentEtag: etag, contentStatus: 'ready' }),
  setContentStatus: (contentStatus) => set({ contentStatus }),
});
