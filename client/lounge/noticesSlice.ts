import type { MemberNotice } from '../../shared/protocol/segments.ts';
import type { Slice } from '../core/slice.ts';

/** The brand's notices this member has not seen yet (announcements, invitations), as loaded on entering. */
export interface NoticesSlice {
  notices: MemberNotice[];
  /** Whose notices these are: loaded once per member and visit. */
  noticesFor: string | null;
  setNotices: (memberId: string, notices: MemberNotice[]) => void;
  dropNotice: (id: string) => void;
}

export const noticesInitialState = { notices: [] as MemberNotice[], noticesFor: null as string | null };

/** A new member starts without the last one's notices. */
export const noticesReset: Partial<NoticesSlice> = noticesInitialState;

export const createNoticesSlice: Slice<NoticesSlice> = (set) => ({
  ...noticesInitialState,
  setNotices: (memberId, notices) => set({ notices, noticesFor: memberId }),
  dropNotice: (id) => set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
});
