import type { FeedGrant } from './rooms.ts';

/** A participant as videoroom `listparticipants` lists it. */
export interface RoomParticipant {
  id: number;
  publisher: boolean;
}

/** Why the server kicks a participant. */
export type KickReason = 'unknownFeed' | 'publishWithoutGrant' | 'replayedFeed' | 'offStage' | 'mediaEnded';

export interface FeedGuardInput {
  participants: RoomParticipant[];
  /** This process's grants in the room (changed in place: present, published, spent). */
  grants: Map<number, FeedGrant>;
  /** What the shared secret says of an id: issued for this room (by any process) and with publish right. */
  readId: (id: number) => { publish: boolean } | undefined;
  /** Whether a member may publish on the stage now (stage rooms; always true elsewhere). */
  onStage: (memberId: string) => boolean;
  /** Whether a member's media was ended (banned). */
  ended: (memberId: string) => boolean;
}

/**
 * One sweep of a room: which participants to kick and why. Ids another process issued are checked only by their
 * signature and publish bit (that process checks the rest); grants seen publishing then gone are spent.
 */
export function feedsToKick(input: FeedGuardInput): { id: number; reason: KickReason }[] {
  const kicks: { id: number; reason: KickReason }[] = [];
  const here = new Set<number>();
  for (const p of input.participants) {
    here.add(p.id);
    const signed = input.readId(p.id);
    const grant = input.grants.get(p.id);
    const reason = !signed
      ? 'unknownFeed'
      : p.publisher && !signed.publish
        ? 'publishWithoutGrant'
        : grant?.spent
          ? 'replayedFeed'
          : grant && input.ended(grant.memberId)
            ? 'mediaEnded'
            : grant && p.publisher && grant.stage && !input.onStage(grant.memberId)
              ? 'offStage'
              : undefined;
    if (reason) kicks.push({ id: p.id, reason });
    if (grant && !reason) {
      grant.present = true;
      grant.published ||= p.publisher;
    }
  }
  for (const [id, grant] of input.grants) {
    if (here.has(id)) continue;
    if (grant.published) grant.spent = true;
    grant.present = false;
  }
  return kicks;
}
