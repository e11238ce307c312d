import { create } from 'zustand';
import {
  emptyStageMedia,
  type StageMediaNotice,
  type StageMediaView,
} from '../../../shared/protocol/stage-media.ts';

interface StageStoreState {
  /** The stage as the server last sent it (`stageMedia`): who is live, on stage, invited, hands up. */
  view: StageMediaView;
  /** The last stage notice for this member (translated by the stage controls), cleared when shown. */
  notice: StageMediaNotice | undefined;
  /** Takes a view unless an older copy (lower seq) arrives after a newer one. */
  receive: (view: StageMediaView) => void;
  setNotice: (notice: StageMediaNotice | undefined) => void;
  /** Back to an empty stage (leaving the hall). */
  reset: () => void;
}

/** The hall stage's media state, shared by the stage controls (client/hall/stage) and the media (client/hall/media). */
export const useStageStore = create<StageStoreState>()((set) => ({
  view: emptyStageMedia(),
  notice: undefined,
  receive: (view) => set((state) => (view.seq < state.view.seq ? state : { view })),
  setNotice: (notice) => set({ notice }),
  reset: () => set({ view: emptyStageMedia(), notice: undefined }),
}));
