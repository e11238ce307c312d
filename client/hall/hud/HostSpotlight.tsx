import { useId, useState } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { sendHost } from '../net/eventSend.ts';

/** Puts one member of this instance in the spotlight (a beam on their avatar, their name on every screen). */
export function HostSpotlight() {
  const t = useT();
  const id = useId();
  const members = useLayoverStore((state) => state.members);
  const current = useLayoverStore((state) => state.hall?.stage.spotlightId ?? '');
  const [picked, setPicked] = useState('');
  const choice = picked || members[0]?.id || '';
  return (
    <div className="event-form">
      <label htmlFor={id}>{t('host.spotlight')}</label>
      <div className="event-form-row">
        <select
          id={id}
          value={choice}
          onChange={(event) => setPicked(event.target.value)}
          data-testid="host-spotlight-select"
        >
          {members.map((member) => (
            <option key={member.sessionId} value={member.id}>
              {member.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => choice && sendHost('spotlight', { memberId: choice })}
          disabled={!choice}
          data-testid="host-spotlight-send"
        >
          {t('host.spotlightOn')}
        </button>
        <button
          type="button"
          onClick={() => sendHost('spotlight', { memberId: null })}
          disabled={!current}
          data-testid="host-spotlight-clear"
        >
          {t('host.spotlightOff')}
        </button>
      </div>
    </div>
  );
}
