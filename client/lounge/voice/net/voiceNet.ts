import type { VoiceModeration } from '../../../../shared/protocol/voice.ts';
import { VOICE_NOTICE_CODES, type VoiceServerMessages } from '../../../../shared/protocol/voice.ts';
import { currentRoom, type LoungeRoom } from '../../../core/net/roomRef.ts';
import { useVoiceStore } from '../voiceStore.ts';

const isNotice = (code: unknown): code is VoiceServerMessages['voiceNotice']['code'] =>
  typeof code === 'string' && (VOICE_NOTICE_CODES as readonly string[]).includes(code);

/** Listens for the voice messages of a lounge room (earshot, own state, notices) and writes them to the voice store. */
export function listenForVoice(room: LoungeRoom): () => void {
  const { set } = useVoiceStore.getState();
  const stops = [
    room.onMessage('voiceEarshot', (message: VoiceServerMessages['voiceEarshot']) =>
      set({ earshot: Array.isArray(message?.speakers) ? message.speakers : [] }),
    ),
    room.onMessage('voiceSelf', (message: VoiceServerMessages['voiceSelf']) => {
      if (message?.state === 'speaking' || message?.state === 'muted' || message?.state === 'removed')
        set({ server: message.state, staff: message.staff === true });
    }),
    room.onMessage('voiceNotice', (message: VoiceServerMessages['voiceNotice']) => {
      if (isNotice(message?.code)) set({ notice: message.code });
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}

/** The lounge room this client is in now, if any (for the voice panel to listen on). */
export function voiceRoom(): LoungeRoom | null {
  return currentRoom();
}

/** Joins the lounge's voice: the server starts sending the speakers within earshot. */
export function sendVoiceJoin(): void {
  currentRoom()?.send('voiceJoin', {});
}

export function sendVoiceLeave(): void {
  currentRoom()?.send('voiceLeave', {});
}

/** Staff only (the server checks the role): mute, unmute or remove a speaker here. */
export function sendVoiceModerate(memberId: string, action: VoiceModeration): void {
  currentRoom()?.send('voiceModerate', { memberId, action });
}

export function sendVoiceReport(memberId: string): void {
  currentRoom()?.send('voiceReport', { memberId, reason: 'abuse' });
}
