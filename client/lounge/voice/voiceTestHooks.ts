import type { EarshotSpeaker } from '../../../shared/protocol/voice.ts';
import { heardSpeakers } from './net/voiceMedia.ts';
import { useVoiceStore } from './voiceStore.ts';

/** One subscribed speaker as a test sees it: the feed and what its inbound audio carried so far. */
export interface HeardAudio {
  memberId: string;
  feedId: number;
  /** inbound-rtp totalAudioEnergy: Chromium measures it after the (muted) sink element, so it stays 0 here. */
  energy: number;
  packets: number;
  /** inbound-rtp totalSamplesReceived: audio decoded so far. */
  samples: number;
  /** Mean square of the last ~0.7 s entering the speaker's PannerNode: non-zero while their audio is heard. */
  level: number;
}

/** What end-to-end tests read of the voice (installed only on pages served with TEST_HOOKS=on). */
export interface VoiceTestHooks {
  /** The media link's state ('live' once published). */
  media: () => string;
  /** The server's earshot list now (speakers with their feed ids). */
  earshot: () => EarshotSpeaker[];
  /** Every speaker subscribed now, with their inbound audio statistics. */
  heard: () => Promise<HeardAudio[]>;
}

declare global {
  interface Window {
    __layoverVoice?: VoiceTestHooks;
  }
}

/** Reads a subscription's inbound audio energy and packets from getStats. */
async function inbound(
  pc: RTCPeerConnection | undefined,
): Promise<{ energy: number; packets: number; samples: number }> {
  let energy = 0;
  let packets = 0;
  let samples = 0;
  if (!pc) return { energy, packets, samples };
  const stats = await pc.getStats().catch(() => undefined);
  stats?.forEach(
    (report: {
      type?: string;
      kind?: string;
      totalAudioEnergy?: number;
      packetsReceived?: number;
      totalSamplesReceived?: number;
    }) => {
      if (report.type !== 'inbound-rtp' || report.kind !== 'audio') return;
      energy += report.totalAudioEnergy ?? 0;
      packets += report.packetsReceived ?? 0;
      samples += report.totalSamplesReceived ?? 0;
    },
  );
  return { energy, packets, samples };
}

/** Installs window.__layoverVoice (read-only views of the voice's subscriptions). */
export function installVoiceTestHooks(): void {
  window.__layoverVoice = {
    media: () => useVoiceStore.getState().media,
    earshot: () => useVoiceStore.getState().earshot,
    heard: () =>
      Promise.all(
        [...heardSpeakers.values()].map(async ({ memberId, feedId, pc, level }) => ({
          memberId,
          feedId,
          level: level(),
          ...(await inbound(pc)),
        })),
      ),
  };
}
