import {
  MAX_HANDS,
  MAX_ON_STAGE,
  type StageMediaNotice,
  type StageMediaView,
} from '../../shared/protocol/stage-media.ts';

/** A member as the stage names them. */
export interface StagePerson {
  memberId: string;
  name: string;
}

/** A change of the stage's media: the next stage, or a notice for the sender when nothing changes. */
export type StageMediaResult = { next: StageMediaView } | { notice: StageMediaNotice } | null;

const without = <T extends { memberId: string }>(list: T[], memberId: string) =>
  list.filter((entry) => entry.memberId !== memberId);

const bump = (stage: StageMediaView, change: Partial<StageMediaView>): StageMediaView => ({
  ...stage,
  ...change,
  seq: stage.seq + 1,
});

/** The host goes live (again, perhaps with the camera now on or off). */
export function goLive(stage: StageMediaView, host: StagePerson, video: boolean): StageMediaResult {
  return { next: bump(stage, { live: { ...host, video } }) };
}

/** The host stops: nothing of the host is heard or seen any more; members on stage stay until ended. */
export function endLive(stage: StageMediaView): StageMediaResult {
  return stage.live ? { next: bump(stage, { live: null }) } : null;
}

/** A member raises or lowers a hand; a hand already raised keeps its place. */
export function raiseHand(
  stage: StageMediaView,
  member: StagePerson,
  raised: boolean,
  now: number,
): StageMediaResult {
  const up = stage.hands.some((hand) => hand.memberId === member.memberId);
  if (raised === up) return null;
  if (!raised) return { next: bump(stage, { hands: without(stage.hands, member.memberId) }) };
  if (stage.hands.length >= MAX_HANDS) return { notice: 'stageFull' };
  return { next: bump(stage, { hands: [...stage.hands, { ...member, at: now }] }) };
}

/** The host invites a member present in the hall; they answer the prompt before their microphone goes live. */
export function invite(stage: StageMediaView, member: StagePerson): StageMediaResult {
  const taken = stage.onStage.length + stage.invited.length;
  if (stage.onStage.some((m) => m.memberId === member.memberId)) return null;
  if (stage.invited.some((m) => m.memberId === member.memberId)) return null;
  if (taken >= MAX_ON_STAGE) return { notice: 'stageFull' };
  return { next: bump(stage, { invited: [...stage.invited, member] }) };
}

/** The invited member accepts (on stage, hand lowered) or declines. */
export function answer(stage: StageMediaView, memberId: string, accept: boolean): StageMediaResult {
  const invited = stage.invited.find((m) => m.memberId === memberId);
  if (!invited) return { notice: 'notInvited' };
  const rest = without(stage.invited, memberId);
  if (!accept) return { next: bump(stage, { invited: rest }) };
  return {
    next: bump(stage, {
      invited: rest,
      onStage: [...stage.onStage, { ...invited, muted: false }],
      hands: without(stage.hands, memberId),
    }),
  };
}

/** The member leaves the stage (the host ended them, they stepped down, left the hall or were banned). */
export function takeOff(stage: StageMediaView, memberId: string): StageMediaResult {
  const listed =
    stage.onStage.some((m) => m.memberId === memberId) ||
    stage.invited.some((m) => m.memberId === memberId) ||
    stage.hands.some((m) => m.memberId === memberId) ||
    stage.live?.memberId === memberId;
  if (!listed) return null;
  return {
    next: bump(stage, {
      live: stage.live?.memberId === memberId ? null : stage.live,
      onStage: without(stage.onStage, memberId),
      invited: without(stage.invited, memberId),
      hands: without(stage.hands, memberId),
    }),
  };
}

/** The host mutes or unmutes a member on stage: muted, their media stops but they keep their place. */
export function muteOnStage(stage: StageMediaView, memberId: string, muted: boolean): StageMediaResult {
  const member = stage.onStage.find((m) => m.memberId === memberId);
  if (!member) return { notice: 'notHere' };
  if (member.muted === muted) return null;
  return {
    next: bump(stage, {
      onStage: stage.onStage.map((m) => (m.memberId === memberId ? { ...m, muted } : m)),
    }),
  };
}

/** Whether the media server may take this member's microphone (and camera) on the stage room now. */
export function mayPublish(stage: StageMediaView, memberId: string): boolean {
  if (stage.live?.memberId === memberId) return true;
  return stage.onStage.some((m) => m.memberId === memberId && !m.muted);
}
