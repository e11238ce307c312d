import { MediaStreamTrack, RTCPeerConnection, RTCRtpCodecParameters } from 'werift';
import { type JanusMessage, JanusWs } from '../../../server/media/janus-ws.ts';
import { VIDEOROOM_PLUGIN } from '../../../server/media/tokens.ts';
import type { BenchGrant } from './janus.ts';
import { RtpStreamStats } from './rtp-stats.ts';

export type MediaKind = 'audio' | 'video';

/** Opus and VP8 (NACK and PLI feedback, no RTX): what the videoroom rooms of server/media are created with. */
const codecs = () => ({
  audio: [new RTCRtpCodecParameters({ mimeType: 'audio/opus', clockRate: 48000, channels: 2 })],
  video: [
    new RTCRtpCodecParameters({
      mimeType: 'video/VP8',
      clockRate: 90000,
      rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }],
    }),
  ],
});

/** One load client: a Janus session (its own WebSocket and token, as a member's browser has) and its peers. */
export class BenchMember {
  private readonly peers: RTCPeerConnection[] = [];

  private constructor(
    private readonly janus: JanusWs,
    readonly grant: BenchGrant,
  ) {}

  static async open(janusUrl: string, grant: BenchGrant): Promise<BenchMember> {
    return new BenchMember(await JanusWs.open(janusUrl, grant.token), grant);
  }

  /** Joins as the granted feed and publishes one track per kind; returns the tracks to write RTP into. */
  async publish(kinds: MediaKind[]): Promise<Record<MediaKind, MediaStreamTrack | undefined>> {
    const handle = await this.janus.attach(VIDEOROOM_PLUGIN);
    await this.janus.message(handle, {
      request: 'join',
      ptype: 'publisher',
      room: this.grant.room,
      id: this.grant.feedId,
      token: this.grant.joinKey,
    });
    const pc = this.peer();
    const tracks = { audio: undefined, video: undefined } as Record<MediaKind, MediaStreamTrack | undefined>;
    for (const kind of kinds) {
      tracks[kind] = new MediaStreamTrack({ kind });
      pc.addTransceiver(tracks[kind], { direction: 'sendonly' });
    }
    await pc.setLocalDescription(await pc.createOffer());
    const reply = await this.request(handle, { request: 'publish' }, pc.localDescription?.sdp, 'offer');
    if (!reply.jsep) throw new Error('media bench: Janus sent no answer');
    await pc.setRemoteDescription({ type: 'answer', sdp: reply.jsep.sdp });
    await connected(pc);
    return tracks;
  }

  /** Subscribes to one feed (one peer per feed, as client/media/videoroom.ts does); stats per received track. */
  async subscribe(feed: number, onStats: (kind: MediaKind, stats: RtpStreamStats) => void): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.subscribeOnce(feed, onStats);
      } catch (error) {
        if (attempt >= 3) throw error;
        BenchMember.retries++;
      }
    }
  }

  /** Subscriptions that failed (ICE or DTLS did not come up in time on the loaded machine) and were made again. */
  static retries = 0;

  private async subscribeOnce(
    feed: number,
    onStats: (kind: MediaKind, stats: RtpStreamStats) => void,
  ): Promise<void> {
    const handle = await this.janus.attach(VIDEOROOM_PLUGIN);
    const pc = this.peer();
    try {
      const offer = await this.request(handle, {
        request: 'join',
        ptype: 'subscriber',
        room: this.grant.room,
        streams: [{ feed }],
        token: this.grant.joinKey,
      });
      if (!offer.jsep) throw new Error('media bench: Janus sent no offer');
      const received: [MediaKind, RtpStreamStats][] = [];
      pc.onTrack.subscribe((track) => {
        const kind = track.kind === 'video' ? 'video' : 'audio';
        const stats = new RtpStreamStats(kind === 'video' ? 90000 : 48000);
        track.onReceiveRtp.subscribe((rtp) => stats.add(rtp));
        received.push([kind, stats]);
      });
      await pc.setRemoteDescription({ type: 'offer', sdp: offer.jsep.sdp });
      await pc.setLocalDescription(await pc.createAnswer());
      await this.request(handle, { request: 'start' }, pc.localDescription?.sdp, 'answer');
      await connected(pc);
      for (const [kind, stats] of received) onStats(kind, stats);
    } catch (error) {
      await pc.close().catch(() => {});
      await this.janus.send({ janus: 'detach', handle_id: handle }).catch(() => {});
      throw error;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.peers.map((pc) => pc.close().catch(() => {})));
    this.janus.close();
  }

  private peer(): RTCPeerConnection {
    const pc = new RTCPeerConnection({ codecs: codecs(), iceUseIpv6: false });
    this.peers.push(pc);
    return pc;
  }

  /** A videoroom request (with an SDP) and its event; a plugin `error_code` rejects. */
  private async request(
    handle: number,
    body: Record<string, unknown>,
    sdp?: string,
    type?: 'offer' | 'answer',
  ): Promise<JanusMessage> {
    const reply = await this.janus.send({
      janus: 'message',
      handle_id: handle,
      body,
      ...(sdp && type ? { jsep: { type, sdp } } : {}),
    });
    const data = reply.plugindata?.data;
    if (typeof data?.error_code === 'number') throw new Error(`media bench: Janus ${String(data.error)}`);
    // Every candidate was in the SDP: tell Janus so it stops waiting for trickled ones (Janus only acks this).
    if (sdp)
      void this.janus
        .send({ janus: 'trickle', handle_id: handle, candidate: { completed: true } })
        .catch(() => {});
    return reply;
  }
}

/** Resolves when the peer's DTLS is up; rejects when it fails or takes over 60 s. */
function connected(pc: RTCPeerConnection): Promise<void> {
  if (pc.connectionState === 'connected') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(`media bench: peer ${pc.connectionState} (ICE ${pc.iceConnectionState}) after 60 s`),
        ),
      60_000,
    );
    const { unSubscribe } = pc.connectionStateChange.subscribe((state) => {
      if (state === 'connected') resolve();
      else if (state === 'failed' || state === 'closed') reject(new Error(`media bench: peer ${state}`));
      else return;
      clearTimeout(timer);
      unSubscribe();
    });
  });
}
