import { useEffect, useRef } from 'react';
import type { MessageKey } from '../../core/i18n/en.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { NearbySpeakers } from './NearbySpeakers.tsx';
import { listenForVoice, sendVoiceJoin, sendVoiceLeave, voiceRoom } from './net/voiceNet.ts';
import { VoiceMixer } from './voiceMixer.ts';
import { micOpen, useVoiceStore } from './voiceStore.ts';
import './voice.css';

/** What the panel holds while voice is on: the microphone and the spatial mix (closed on leave or unmount). */
interface VoiceSession {
  mic: MediaStream;
  mixer: VoiceMixer;
}

/**
 * The lounge's voice control: join (the microphone is asked for only on this click), push-to-talk (hold V or the
 * button) or open mic, mute self, the speakers near you, and what went wrong in the member's language.
 */
export function VoicePanel() {
  const t = useT();
  const status = useVoiceStore((state) => state.status);
  const mode = useVoiceStore((state) => state.mode);
  const selfMuted = useVoiceStore((state) => state.selfMuted);
  const server = useVoiceStore((state) => state.server);
  const notice = useVoiceStore((state) => state.notice);
  const session = useRef<VoiceSession | null>(null);
  // A new room (the VIP door, a reconnect into another instance) ends voice here and listens on the new room.
  const roomName = useLayoverStore((state) => state.room);

  useEffect(() => {
    const room = roomName ? voiceRoom() : null;
    const stop = room ? listenForVoice(room) : undefined;
    // The microphone sends only while allowed: each store change re-derives it (no React render needed).
    const unsubscribe = useVoiceStore.subscribe((state) => {
      for (const track of session.current?.mic.getAudioTracks() ?? []) track.enabled = micOpen(state);
    });
    const key = (down: boolean) => (event: KeyboardEvent) => {
      if (event.code !== 'KeyV' || event.repeat || isTyping(event.target)) return;
      useVoiceStore.getState().set({ talking: down });
    };
    const press = key(true);
    const release = key(false);
    window.addEventListener('keydown', press);
    window.addEventListener('keyup', release);
    return () => {
      stop?.();
      unsubscribe();
      window.removeEventListener('keydown', press);
      window.removeEventListener('keyup', release);
      leave(session);
    };
  }, [roomName]);

  const join = async () => {
    const { set } = useVoiceStore.getState();
    set({ status: 'joining', notice: null });
    try {
      const mic = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
      const room = voiceRoom();
      session.current = { mic, mixer: new VoiceMixer(new AudioContext(), () => room?.sessionId ?? null) };
      for (const track of mic.getAudioTracks()) track.enabled = false;
      set({ status: 'live' });
      sendVoiceJoin();
    } catch {
      set({ status: 'micDenied' });
    }
  };

  const live = status === 'live';
  const problem: MessageKey | null =
    status === 'micDenied' ? 'voice.micDenied' : status === 'unavailable' ? 'voice.unavailable' : null;
  return (
    <section className="voice-panel" aria-label={t('voice.region')} data-testid="voice-panel">
      {!live ? (
        <button type="button" onClick={join} disabled={status === 'joining'} data-testid="voice-join">
          {t(status === 'joining' ? 'voice.joining' : 'voice.join')}
        </button>
      ) : (
        <>
          <p className="voice-status">{t('voice.live')}</p>
          <fieldset className="voice-mode">
            <legend className="visually-hidden">{t('voice.region')}</legend>
            <label>
              <input
                type="radio"
                name="voice-mode"
                checked={mode === 'pushToTalk'}
                onChange={() => setMode('pushToTalk')}
              />
              {t('voice.pushToTalk')}
            </label>
            <label>
              <input
                type="radio"
                name="voice-mode"
                checked={mode === 'openMic'}
                onChange={() => setMode('openMic')}
              />
              {t('voice.openMic')}
            </label>
          </fieldset>
          {mode === 'pushToTalk' && (
            <button
              type="button"
              className="voice-talk"
              onPointerDown={() => talk(true)}
              onPointerUp={() => talk(false)}
              onPointerLeave={() => talk(false)}
            >
              {t('voice.holdToTalk')}
            </button>
          )}
          <label className="field-inline">
            <input
              type="checkbox"
              checked={selfMuted}
              onChange={(event) => useVoiceStore.getState().set({ selfMuted: event.target.checked })}
            />
            {t('voice.muteSelf')}
          </label>
          <NearbySpeakers />
          <button type="button" onClick={() => leave(session)} data-testid="voice-leave">
            {t('voice.leave')}
          </button>
        </>
      )}
      <p role="status" className="voice-notice">
        {problem
          ? t(problem)
          : notice
            ? t(`voice.notice.${notice}`)
            : server !== 'speaking' && live
              ? t(server === 'muted' ? 'voice.notice.mutedByStaff' : 'voice.notice.removedFromVoice')
              : ''}
      </p>
    </section>
  );
}

const setMode = (mode: 'pushToTalk' | 'openMic') => useVoiceStore.getState().set({ mode, talking: false });
const talk = (talking: boolean) => useVoiceStore.getState().set({ talking });

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** Leaves voice: the server stops the earshot, the microphone and the mix are closed. */
function leave(session: { current: VoiceSession | null }): void {
  const open = session.current;
  session.current = null;
  if (!open) return;
  sendVoiceLeave();
  for (const track of open.mic.getTracks()) track.stop();
  open.mixer.close();
  useVoiceStore.getState().set({ status: 'off', earshot: [], speaking: [], talking: false });
}
