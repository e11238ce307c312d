import type { StageMediaView } from '../../../shared/protocol/stage-media.ts';

/** What this member sends to the stage: nothing (listen), the microphone, or the microphone and camera. */
export type StageRole = 'listen' | 'mic' | 'camera';

/** The member's part on the stage as the server's view says: live host (camera if chosen), unmuted guest, listener. */
export function stageRoleOf(view: StageMediaView, memberId: string | undefined): StageRole {
  if (!memberId) return 'listen';
  if (view.live?.memberId === memberId) return view.live.video ? 'camera' : 'mic';
  return view.onStage.some((person) => person.memberId === memberId && !person.muted) ? 'mic' : 'listen';
}

/** Whether anybody but this member is heard on the stage now (the "Tap to listen" control shows then). */
export function someoneElseOnStage(view: StageMediaView, memberId: string | undefined): boolean {
  if (view.live && view.live.memberId !== memberId) return true;
  return view.onStage.some((person) => person.memberId !== memberId && !person.muted);
}
