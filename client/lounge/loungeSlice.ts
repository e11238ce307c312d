import type { Slice } from '../core/slice.ts';

/** What React lists about a member: changes on join, leave, rename, tier or status, never per frame. */
export interface LoungeMember {
  sessionId: string;
  id: string;
  name: string;
  tier: string;
  /** Status level id from stamps (shared/content/status.ts); absent until the room state says. */
  status?: string;
}

/** The roster of the room we sit in. */
export interface LoungeSlice {
  /** The avatars this client receives: itself and the nearest others (the server's interest management). */
  members: LoungeMember[];
  /** Everyone in the room, seen or not. */
  population: number;
  setPopulation: (population: number) => void;
  upsertMember: (member: LoungeMember) => void;
  removeMember: (sessionId: string) => void;
  clearMembers: () => void;
}

/** An empty room; also what signing out returns to. */
export const loungeInitialState = { members: [] as LoungeMember[], population: 0 };

export const loungeReset: Partial<LoungeSlice> = loungeInitialState;

function sameMember(a: LoungeMember, b: LoungeMember): boolean {
  return a.name === b.name && a.tier === b.tier && a.status === b.status && a.id === b.id;
}

export const createLoungeSlice: Slice<LoungeSlice> = (set) => ({
  ...loungeInitialState,
  setPopulation: (population) => set({ population }),
  upsertMember: (member) =>
    set((state) => {
      const index = state.members.findIndex((m) => m.sessionId === member.sessionId);
      if (index === -1) return { members: [...state.members, member] };
      const current = state.members[index];
      if (current && sameMember(current, member)) return state;
      const members = state.members.slice();
      members[index] = member;
      return { members };
    }),
  removeMember: (sessionId) =>
    set((state) => ({ members: state.members.filter((m) => m.sessionId !== sessionId) })),
  clearMembers: () => set({ members: [], population: 0 }),
});
