import type { StageMediaView } from '../../../shared/protocol/stage-media.ts';
import { useLayoverStore } from '../../core/store.ts';
import { useStageStore } from './stageStore.ts';

/** Where this member stands on the stage: live as host, on stage (muted or not), invited, hand up, or none. */
export type MyStagePlace =
  | { kind: 'live'; video: boolean }
  | { kind: 'onStage'; muted: boolean }
  | { kind: 'invited' }
  | { kind: 'handUp' }
  | { kind: 'none' };

/** Reads this member's place from the shared stage view. */
export function stagePlace(view: StageMediaView, memberId: string | undefined): MyStagePlace {
  if (!memberId) return { kind: 'none' };
  if (view.live?.memberId === memberId) return { kind: 'live', video: view.live.video };
  const onStage = view.onStage.find((m) => m.memberId === memberId);
  if (onStage) return { kind: 'onStage', muted: onStage.muted };
  if (view.invited.some((m) => m.memberId === memberId)) return { kind: 'invited' };
  if (view.hands.some((m) => m.memberId === memberId)) return { kind: 'handUp' };
  return { kind: 'none' };
}

/** This member's id in the hall, or undefined before sign-in. */
export function useMyMemberId(): string | undefined {
  return useLayoverStore((state) => state.member?.id);
}

/** The stage view and this member's place on it. */
export function useMyStage(): { view: StageMediaView; me: string | undefined; place: MyStagePlace } {
  const view = useStageStore((state) => state.view);
  const me = useMyMemberId();
  return { view, me, place: stagePlace(view, me) };
}
