import type { EarshotSpeaker } from '../../../../shared/protocol/voice.ts';
import type { JanusSession } from '../../../media/janusSession.ts';
import { type MediaLink, openMediaLink } from '../../../media/mediaLink.ts';
import { publish, type RoomGrant, type Subscription, subscribe } from '../../../media/videoroom.ts';
import type { VoiceMixer } from '../voiceMixer.ts';
import { useVoiceStore } from '../voiceStore.ts';

/** A speaker this client hears now (or is subscribing to): what the test hooks and the mixer follow. */
export interface HeardSpeaker {
  memberId: string;
  feedId: number;
  pc: RTCPeerConnection | undefined;
  /** The signal level entering the speaker's panner now (see VoiceMixer.levelOf). */
  level: () => number;
}

/** Every speaker subscribed right now, by member id (read by the test hooks; one voice session at a time). */
export const heardSpeakers = new Map<string, HeardSpeaker>();

export interface VoiceMediaParameters {
  /** The Colyseus room id of the lounge instance the member is in. */
  roomId: string;
  mic: MediaStream;
  mixer: VoiceMixer;
  sessionToken: () => string | undefined;
}

/**
 * The lounge voice's audio: one media link to this lounge's videoroom that publishes the microphone and subscribes
 * to exactly the speakers the server puts in earshot (and who publish now), feeding each into the mixer. After a
 * Janus restart or a network switch the link comes back with a new session: publish and subscriptions start again.
 */
export function startVoiceMedia({ roomId, mic, mixer, sessionToken }: VoiceMediaParameters): MediaLink {
  const { set } = useVoiceStore.getState();
  let everLive = false;
  set({ media: 'connecting' });
  return openMediaLink({
    space: { kind: 'lounge', roomId },
    publish: true,
    sessionToken,
    onReady: (session, grant) => {
      everLive = true;
      set({ media: 'live' });
      return hearAndSpeak(session, grant, mic, mixer);
    },
    onDown: (reason) => {
      if (reason === 'reconnecting' || reason === 'network')
        set({ media: everLive ? 'reconnecting' : 'unavailable' });
      else set({ media: reason === 'mediaBanned' || reason === 'mediaMuted' ? 'refused' : 'unavailable' });
    },
  });
}

/** One Janus session's part: publish the microphone, follow the published feeds and the earshot; returns the cleanup. */
async function hearAndSpeak(
  session: JanusSession,
  grant: RoomGrant,
  mic: MediaStream,
  mixer: VoiceMixer,
): Promise<() => void> {
  const published = new Set<number>();
  const subscriptions = new Map<string, { feedId: number; ready?: Subscription; ended: boolean }>();
  let ended = false;

  const drop = (memberId: string) => {
    const entry = subscriptions.get(memberId);
    if (!entry) return;
    entry.ended = true;
    subscriptions.delete(memberId);
    heardSpeakers.delete(memberId);
    mixer.remove(memberId);
    void entry.ready?.close().catch(() => {});
  };

  const add = ({ memberId, sessionId, feedId }: EarshotSpeaker & { feedId: number }) => {
    const entry: { feedId: number; ready?: Subscription; ended: boolean } = { feedId, ended: false };
    subscriptions.set(memberId, entry);
    heardSpeakers.set(memberId, { memberId, feedId, pc: undefined, level: () => 0 });
    subscribe(session, grant, feedId).then(
      (subscription) => {
        if (entry.ended || ended) {
          void subscription.close().catch(() => {});
          return;
        }
        entry.ready = subscription;
        heardSpeakers.set(memberId, {
          memberId,
          feedId,
          pc: subscription.pc,
          level: () => mixer.levelOf(memberId),
        });
        mixer.add(memberId, sessionId, subscription.stream);
      },
      // The feed went before we got it: forgotten, so the next earshot or feed change tries again.
      () => {
        if (subscriptions.get(memberId) === entry) {
          subscriptions.delete(memberId);
          heardSpeakers.delete(memberId);
        }
      },
    );
  };

  /** Subscribes to the speakers in earshot who publish now, and closes the rest. */
  const follow = () => {
    if (ended) return;
    const wanted = new Map<string, EarshotSpeaker & { feedId: number }>();
    for (const speaker of useVoiceStore.getState().earshot)
      if (speaker.feedId !== undefined && published.has(speaker.feedId))
        wanted.set(speaker.memberId, { ...speaker, feedId: speaker.feedId });
    for (const [memberId, entry] of subscriptions)
      if (wanted.get(memberId)?.feedId !== entry.feedId) drop(memberId);
    for (const [memberId, speaker] of wanted) if (!subscriptions.has(memberId)) add(speaker);
  };

  const stopFollowing = useVoiceStore.subscribe((state, before) => {
    if (state.earshot !== before.earshot) follow();
  });
  let publication: Awaited<ReturnType<typeof publish>> | undefined;
  try {
    publication = await publish(session, grant, mic, (added, removed) => {
      for (const feed of added) published.add(feed);
      for (const feed of removed) published.delete(feed);
      follow();
    });
  } catch (error) {
    stopFollowing();
    throw error;
  }
  follow();
  return () => {
    ended = true;
    stopFollowing();
    for (const memberId of [...subscriptions.keys()]) drop(memberId);
    void publication?.unpublish().catch(() => {});
  };
}
