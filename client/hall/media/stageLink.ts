import { MediaRefusal } from '../../../shared/protocol/media.ts';
import { type MediaLinkDown, openMediaLink } from '../../media/mediaLink.ts';
import { publish, type Subscription, subscribe, watchFeeds } from '../../media/videoroom.ts';
import { type StageFeed, type StagePublishProblem, useStageMediaStore } from './stageMediaStore.ts';

export interface StageLinkParameters {
  /** The Colyseus room id of the hall instance the member sits in. */
  roomId: string;
  /** The member's microphone (and camera) while live or on stage; undefined: listen only. */
  media: MediaStream | undefined;
  sessionToken: () => string | undefined;
  /** The server refused our publishing (taken off stage or muted meanwhile): the caller listens instead. */
  onRefused?: () => void;
}

/** Refusals that say this member may not publish here (any more); listening goes on through a new link. */
const REFUSED: ReadonlySet<MediaLinkDown> = new Set([MediaRefusal.notOnStage, MediaRefusal.muted]);

function problemFor(reason: MediaLinkDown): StagePublishProblem | undefined {
  if (reason === MediaRefusal.banned) return 'banned';
  if (REFUSED.has(reason)) return 'refused';
  return undefined;
}

/**
 * Joins the event's stage room (one Janus room for every hall instance): publishes `media` when given, and
 * receives every other publisher of the stage; after a Janus restart or a network switch the media link hands a new
 * session and everything is joined again on new PeerConnections. Returns the close.
 */
export function openStageLink({ roomId, media, sessionToken, onRefused }: StageLinkParameters): () => void {
  const { set } = useStageMediaStore.getState();
  set({ status: 'connecting', feeds: [], published: null });
  const link = openMediaLink({
    space: { kind: 'hall', roomId },
    publish: media !== undefined,
    sessionToken,
    onReady: async (session, grant) => {
      const subscriptions = new Map<number, Subscription>();
      const pending = new Set<number>();
      let ended = false;
      const show = () =>
        set({
          feeds: [...subscriptions.values()].map(
            ({ feedId, stream, pc }): StageFeed => ({ feedId, stream, pc }),
          ),
        });
      const onFeeds = (added: number[], removed: number[]) => {
        for (const feedId of removed) {
          void subscriptions.get(feedId)?.close();
          if (subscriptions.delete(feedId)) show();
        }
        for (const feedId of added) {
          if (feedId === grant.feedId || subscriptions.has(feedId) || pending.has(feedId)) continue;
          pending.add(feedId);
          subscribe(session, grant, feedId).then(
            (subscription) => {
              pending.delete(feedId);
              if (ended) return void subscription.close();
              subscriptions.set(feedId, subscription);
              show();
            },
            () => pending.delete(feedId),
          );
        }
      };
      let leave: () => Promise<void>;
      if (media && grant.publish) {
        const publication = await publish(session, grant, media, onFeeds);
        set({ published: publication.pc });
        leave = publication.unpublish;
      } else leave = await watchFeeds(session, grant, onFeeds);
      set({ status: 'live' });
      return () => {
        ended = true;
        void leave();
        for (const subscription of subscriptions.values()) void subscription.close();
        set({ feeds: [], published: null });
      };
    },
    onDown: (reason) => {
      const problem = problemFor(reason);
      if (problem) set({ status: 'unavailable', problem });
      if (problem === 'refused') onRefused?.();
      else if (!problem) set({ status: reason === 'notInSpace' ? 'off' : 'reconnecting' });
    },
  });
  return () => {
    link.close();
    set({ status: 'off', feeds: [], published: null });
  };
}
