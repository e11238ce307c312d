import { useT } from '../../core/i18n/useT.ts';
import { poses } from '../../core/poses.ts';
import { sendVoiceReport } from './net/voiceNet.ts';
import { StaffVoiceControls } from './StaffVoiceControls.tsx';
import { useVoiceStore } from './voiceStore.ts';

/** The speakers within earshot (the server's list), each with "mute for me" and "report", and who speaks now. */
export function NearbySpeakers() {
  const t = useT();
  const earshot = useVoiceStore((state) => state.earshot);
  const mutedByMe = useVoiceStore((state) => state.mutedByMe);
  const speaking = useVoiceStore((state) => state.speaking);
  const toggle = useVoiceStore((state) => state.toggleMutedByMe);
  const staff = useVoiceStore((state) => state.staff);
  if (earshot.length === 0) return <p className="voice-nobody">{t('voice.nobodyNear')}</p>;
  return (
    <ul className="voice-nearby" aria-label={t('voice.nearby')}>
      {earshot.map(({ memberId, sessionId }) => {
        const name = poses.get(sessionId)?.name ?? '…';
        const muted = mutedByMe.includes(memberId);
        return (
          <li key={memberId} data-speaking={speaking.includes(memberId)}>
            <span>{name}</span>
            <button type="button" aria-pressed={muted} onClick={() => toggle(memberId)}>
              {t(muted ? 'voice.unmuteFor' : 'voice.muteFor', { name })}
            </button>
            <button type="button" onClick={() => sendVoiceReport(memberId)}>
              {t('voice.report', { name })}
            </button>
            {staff && <StaffVoiceControls memberId={memberId} name={name} />}
          </li>
        );
      })}
    </ul>
  );
}
