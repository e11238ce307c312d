import { useT } from '../../core/i18n/useT.ts';
import { sendVoiceModerate } from './net/voiceNet.ts';
import { useVoiceStore } from './voiceStore.ts';

/** Brand staff only (the server checks the role again): mute a speaker for everyone here, or remove them from voice. */
export function StaffVoiceControls({ memberId, name }: { memberId: string; name: string }) {
  const t = useT();
  const mute = () => {
    sendVoiceModerate(memberId, 'mute');
    const { mutedByStaff, set } = useVoiceStore.getState();
    if (!mutedByStaff.some((entry) => entry.memberId === memberId))
      set({ mutedByStaff: [...mutedByStaff, { memberId, name }] });
  };
  return (
    <>
      <button type="button" onClick={mute}>
        {t('voice.staffMute', { name })}
      </button>
      <button type="button" onClick={() => sendVoiceModerate(memberId, 'remove')}>
        {t('voice.staffRemove', { name })}
      </button>
    </>
  );
}

/** The speakers this staff member muted here (a muted speaker leaves every earshot list): let them speak again. */
export function MutedByStaff() {
  const t = useT();
  const muted = useVoiceStore((state) => state.mutedByStaff);
  const staff = useVoiceStore((state) => state.staff);
  if (!staff || muted.length === 0) return null;
  const unmute = (memberId: string) => {
    sendVoiceModerate(memberId, 'unmute');
    const { mutedByStaff, set } = useVoiceStore.getState();
    set({ mutedByStaff: mutedByStaff.filter((entry) => entry.memberId !== memberId) });
  };
  return (
    <ul className="voice-nearby" aria-label={t('voice.mutedHere')}>
      {muted.map(({ memberId, name }) => (
        <li key={memberId}>
          <span>{name}</span>
          <button type="button" onClick={() => unmute(memberId)}>
            {t('voice.staffUnmute', { name })}
          </button>
        </li>
      ))}
    </ul>
  );
}
