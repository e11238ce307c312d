import type { MediaStatus } from '../../../shared/protocol/media.ts';
import { routes } from '../../../shared/protocol/routes.ts';
import { callRoute } from '../../core/http.ts';
import { useLayoverStore } from '../../core/store.ts';
import type { MediaLink } from '../../media/mediaLink.ts';
import { startVoiceMedia } from './net/voiceMedia.ts';
import { sendVoiceJoin, sendVoiceLeave, voiceRoom } from './net/voiceNet.ts';
import { VoiceMixer } from './voiceMixer.ts';
import { micOpen, useVoiceStore } from './voiceStore.ts';

/** What is held while voice is on: the microphone, the spatial mix and the media link (all closed on leave). */
interface VoiceSession {
  mic: MediaStream;
  mixer: VoiceMixer;
  link: MediaLink;
}

let current: VoiceSession | null = null;

/** Whether this server runs a media server at all ('off': voice cannot carry sound here, so the mic is not asked). */
async function mediaStatus(): Promise<MediaStatus> {
  const answer = await callRoute<{ media: MediaStatus }>(routes.mediaStatus, { cache: 'no-store' }).catch(
    () => ({ media: 'down' as const }),
  );
  return answer.media;
}

/**
 * Joins the lounge's voice after the member's click: asks for the microphone (never before), then publishes it and
 * hears the speakers in earshot through the media server. A blocked microphone or a server without media says so.
 */
export async function joinVoice(): Promise<void> {
  const { set } = useVoiceStore.getState();
  if (current) return;
  set({ status: 'joining', notice: null });
  if ((await mediaStatus()) === 'off') {
    set({ status: 'unavailable', media: 'off' });
    return;
  }
  let mic: MediaStream;
  try {
    mic = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
  } catch {
    set({ status: 'micDenied' });
    return;
  }
  const room = voiceRoom();
  if (!room || current) {
    for (const track of mic.getTracks()) track.stop();
    set({ status: 'off' });
    return;
  }
  for (const track of mic.getAudioTracks()) track.enabled = false;
  const mixer = new VoiceMixer(new AudioContext(), () => room.sessionId ?? null);
  const memberId = useLayoverStore.getState().member?.id;
  if (memberId) mixer.meterSelf(memberId, mic);
  const link = startVoiceMedia({
    roomId: room.roomId,
    mic,
    mixer,
    sessionToken: () => useLayoverStore.getState().token ?? undefined,
  });
  current = { mic, mixer, link };
  set({ status: 'live' });
  sendVoiceJoin();
  syncMicrophone(useVoiceStore.getState());
}

/** Leaves voice: the server stops the earshot; the link, the microphone and the mix are closed. */
export function leaveVoice(): void {
  const open = current;
  current = null;
  if (!open) return;
  sendVoiceLeave();
  open.link.close();
  for (const track of open.mic.getTracks()) track.stop();
  open.mixer.close();
  useVoiceStore.getState().set({ status: 'off', media: 'off', earshot: [], speaking: [], talking: false });
}

/** The microphone sends only while allowed (push-to-talk held or open mic, not muted by self or staff). */
export function syncMicrophone(state: Parameters<typeof micOpen>[0]): void {
  for (const track of current?.mic.getAudioTracks() ?? []) track.enabled = micOpen(state);
}
