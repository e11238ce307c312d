import { useEffect } from 'react';
import type { MessageKey } from '../../core/i18n/en.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { testHooksEnabled } from '../../core/testHooksTag.ts';
import { NearbySpeakers } from './NearbySpeakers.tsx';
import { listenForVoice, voiceRoom } from './net/voiceNet.ts';
import { MutedByStaff } from './StaffVoiceControls.tsx';
import { joinVoice, leaveVoice, syncMicrophone } from './voiceSession.ts';
import { useVoiceStore, type VoiceState } from './voiceStore.ts';
import './voice.css';
import { behindModal } from '../../core/input/keyboard.ts';
import type { DockSlot } from '../../core/ui/useHudDock.ts';

/**
 * The lounge's voice control: join (the microphone is asked for only on this click), push-to-talk (hold V or the
 * button) or open mic, mute self, the speakers near you, and what went wrong in the member's language.
 */
export function VoicePanel({ dock }: { dock?: DockSlot }) {
  const t = useT();
  const status = useVoiceStore((state) => state.status);
  const media = useVoiceStore((state) => state.media);
  const mode = useVoiceStore((state) => state.mode);
  const selfMuted = useVoiceStore((state) => state.selfMuted);
  const server = useVoiceStore((state) => state.server);
  const notice = useVoiceStore((state) => state.notice);
  // A new room (the VIP door, a reconnect into another instance) ends voice here and listens on the new room.
  const roomName = useLayoverStore((state) => state.room);

  useEffect(() => {
    const room = roomName ? voiceRoom() : null;
    const stop = room ? listenForVoice(room) : undefined;
    useVoiceStore.getState().set({ server: 'speaking', staff: false, mutedByStaff: [] });
    // The microphone sends only while allowed: each store change re-derives it (no React render needed); staff
    // removing the member ends their voice here (the media server has kicked their feed already).
    const unsubscribe = useVoiceStore.subscribe((state) => {
      syncMicrophone(state);
      if (state.server === 'removed' && state.status === 'live') leaveVoice();
    });
    const key = (down: boolean) => (event: KeyboardEvent) => {
      if (event.code !== 'KeyV' || event.repeat || isTyping(event.target)) return;
      // Never start talking behind a modal dialog (a release always counts).
      if (down && behindModal()) return;
      useVoiceStore.getState().set({ talking: down });
    };
    const press = key(true);
    const release = key(false);
    window.addEventListener('keydown', press);
    window.addEventListener('keyup', release);
    if (testHooksEnabled()) void import('./voiceTestHooks.ts').then((hooks) => hooks.installVoiceTestHooks());
    return () => {
      stop?.();
      unsubscribe();
      window.removeEventListener('keydown', press);
      window.removeEventListener('keyup', release);
      leaveVoice();
    };
  }, [roomName]);

  const join = () => void joinVoice();

  const live = status === 'live';
  const problem = problemOf(status, media);
  return (
    <section className="voice-panel" aria-label={t('voice.region')} data-testid="voice-panel" {...dock}>
      {!live ? (
        <button
          type="button"
          onClick={join}
          disabled={status === 'joining' || server === 'removed'}
          data-testid="voice-join"
        >
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
              onKeyDown={(event) => isPress(event.key) && !event.repeat && talk(true)}
              onKeyUp={(event) => isPress(event.key) && talk(false)}
              onBlur={() => talk(false)}
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
          <MutedByStaff />
          <button type="button" onClick={leaveVoice} data-testid="voice-leave">
            {t('voice.leave')}
          </button>
        </>
      )}
      <p role="status" className="voice-notice">
        {problem
          ? t(problem)
          : notice
            ? t(`voice.notice.${notice}`)
            : server !== 'speaking'
              ? t(server === 'muted' ? 'voice.notice.mutedByStaff' : 'voice.notice.removedFromVoice')
              : ''}
      </p>
    </section>
  );
}

const setMode = (mode: 'pushToTalk' | 'openMic') => useVoiceStore.getState().set({ mode, talking: false });
const talk = (talking: boolean) => useVoiceStore.getState().set({ talking });
/** Space or Enter held on the hold-to-talk button talks, as holding the pointer on it does. */
const isPress = (key: string) => key === ' ' || key === 'Enter';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** What the member must know first: a blocked microphone, no voice here, or the media link's trouble. */
function problemOf(status: VoiceState['status'], media: VoiceState['media']): MessageKey | null {
  if (status === 'micDenied') return 'voice.micDenied';
  if (status === 'unavailable') return media === 'off' ? 'voice.off' : 'voice.unavailable';
  if (status !== 'live') return null;
  if (media === 'reconnecting') return 'media.reconnecting';
  if (media === 'unavailable') return 'voice.unavailable';
  if (media === 'refused') return 'voice.refused';
  return null;
}
