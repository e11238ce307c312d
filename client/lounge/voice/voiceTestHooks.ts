import { heardSpeakers } from './net/voiceMedia.ts';
import { useVoiceStore } from './voiceStore.ts';

/** One subscribed speaker as a test sees it: the feed and what its inbound audio carried so far. */
export interface HeardAudio {
  memberId: string;
  feedId: number;
  /** inbound-rtp totalAudioEnergy (0 until decoded audio arrives). */
  energy: number;
  packets: number;
}

/** What end-to-end tests read of the voice (installed only on pages served with TEST_HOOKS=on). */
export interface VoiceTestHooks {
  /** The media link's state ('live' once published). */
  media: () => string;
  /** Every speaker subscribed now, with their inbound audio statistics. */
  heard: () => Promise<HeardAudio[]>;
}

declare global {
  interface Window {
    __layoverVoice?: VoiceTestHooks;
  }
}

/** Reads a subscription's inbound audio energy and packets from getStats. */
async function inbound(pc: RTCPeerConnection | undefined): Promise<{ energy: number; packets: number }> {
  let energy = 0;
  let packets = 0;
  if (!pc) return { energy, packets };
  const stats = await pc.getStats().catch(() => undefined);
  stats?.forEach(
    (report: { type?: string; kind?: string; totalAudioEnergy?: number; packetsReceived?: number }) => {
      if (report.type !== 'inbound-rtp' || report.kind !== 'audio') return;
      energy += report.totalAudioEnergy ?? 0;
      packets += report.packetsReceived ?? 0;
    },
  );
  return { energy, packets };
}

/** Installs window.__layoverVoice (read-only views of the voice's subscriptions). */
export function installVoiceTestHooks(): void {
  window.__layoverVoice = {
    media: () => useVoiceStore.getState().media,
    heard: () =>
      Promise.all(
        [...heardSpeakers.values()].map(async ({ memberId, feedId, pc }) => ({
          memberId,
          feedId,
          ...(await inbound(pc)),
        })),
      ),
  };
}
