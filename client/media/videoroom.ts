import type { MediaTokenResponse } from '../../shared/protocol/media.ts';
import type { JanusSession } from './janusSession.ts';

/** The grant fields a videoroom join needs. */
export type RoomGrant = Pick<MediaTokenResponse, 'room' | 'joinKey' | 'feedId' | 'iceServers'>;

/** A published MediaStream in a videoroom; `feeds` follows the other publishers of the room. */
export interface Publication {
  feedId: number;
  pc: RTCPeerConnection;
  unpublish: () => Promise<void>;
}

/** A subscription to one feed: its MediaStream (tracks arrive as Janus sends them). */
export interface Subscription {
  feedId: number;
  stream: MediaStream;
  pc: RTCPeerConnection;
  close: () => Promise<void>;
}

function peer(session: JanusSession, handle: number, grant: RoomGrant): RTCPeerConnection {
  const pc = new RTCPeerConnection({ iceServers: grant.iceServers });
  pc.addEventListener('icecandidate', (event) => session.trickle(handle, event.candidate));
  return pc;
}

/** Feed ids in a videoroom `publishers` list. */
function feedIds(list: unknown): number[] {
  return Array.isArray(list)
    ? list.map((p) => Number((p as { id?: unknown }).id)).filter(Number.isFinite)
    : [];
}

/**
 * Joins the room as a publisher with the granted feed id and sends `stream` (audio first, then video);
 * `onFeeds` hears the other publishers' feed ids as they come and go.
 */
export async function publish(
  session: JanusSession,
  grant: RoomGrant,
  stream: MediaStream,
  onFeeds: (added: number[], removed: number[]) => void = () => {},
): Promise<Publication> {
  if (grant.feedId === undefined) throw new Error('this grant does not allow publishing');
  const handle = await session.attach((data) => {
    const gone = data.unpublished ?? data.leaving;
    onFeeds(feedIds(data.publishers), typeof gone === 'number' ? [gone] : []);
  });
  const joined = await session.message(handle, {
    request: 'join',
    ptype: 'publisher',
    room: grant.room,
    id: grant.feedId,
    token: grant.joinKey,
  });
  onFeeds(feedIds(joined.data.publishers), []);
  const pc = peer(session, handle, grant);
  const tracks = [...stream.getAudioTracks(), ...stream.getVideoTracks()];
  for (const track of tracks) pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
  const offer = await pc.createOffer();
  await pc.setLocalDescription(offer);
  const answer = await session.message(handle, { request: 'publish' }, offer);
  if (!answer.jsep) throw new Error('janus sent no answer');
  await pc.setRemoteDescription(answer.jsep);
  return {
    feedId: grant.feedId,
    pc,
    unpublish: async () => {
      await session.message(handle, { request: 'unpublish' }).catch(() => {});
      pc.close();
      await session.detach(handle);
    },
  };
}

/** Joins the room as a listener (no publishing) to hear who publishes: the current feeds, then changes. */
export async function watchFeeds(
  session: JanusSession,
  grant: RoomGrant,
  onFeeds: (added: number[], removed: number[]) => void,
): Promise<() => Promise<void>> {
  const handle = await session.attach((data) => {
    const gone = data.unpublished ?? data.leaving;
    onFeeds(feedIds(data.publishers), typeof gone === 'number' ? [gone] : []);
  });
  const joined = await session.message(handle, {
    request: 'join',
    ptype: 'publisher',
    room: grant.room,
    ...(grant.feedId !== undefined ? { id: grant.feedId } : {}),
    token: grant.joinKey,
  });
  onFeeds(feedIds(joined.data.publishers), []);
  return async () => {
    await session.message(handle, { request: 'leave' }).catch(() => {});
    await session.detach(handle);
  };
}

/** Subscribes to one feed of the room; its tracks land in `stream`. */
export async function subscribe(
  session: JanusSession,
  grant: RoomGrant,
  feedId: number,
): Promise<Subscription> {
  const handle = await session.attach(() => {});
  const stream = new MediaStream();
  const joined = await session.message(handle, {
    request: 'join',
    ptype: 'subscriber',
    room: grant.room,
    streams: [{ feed: feedId }],
    token: grant.joinKey,
  });
  if (!joined.jsep) throw new Error('janus sent no offer');
  const pc = peer(session, handle, grant);
  pc.addEventListener('track', (event) => stream.addTrack(event.track));
  await pc.setRemoteDescription(joined.jsep);
  const answer = await pc.createAnswer();
  await pc.setLocalDescription(answer);
  await session.message(handle, { request: 'start' }, answer);
  return {
    feedId,
    stream,
    pc,
    close: async () => {
      pc.close();
      await session.detach(handle);
    },
  };
}
