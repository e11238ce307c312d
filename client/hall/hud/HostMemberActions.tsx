import { useState } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import type { LoungeMember } from '../../lounge/loungeSlice.ts';
import { sendHost } from '../net/eventSend.ts';

type BanScope = 'event' | 'brand';

/** A host's moderation for one member: mute or unmute, remove (they may return), ban with a confirm step. */
export function HostMemberActions({ member, muted }: { member: LoungeMember; muted: boolean }) {
  const t = useT();
  const [banning, setBanning] = useState<BanScope | null>(null);
  const vars = { name: member.name };
  if (banning)
    return (
      <fieldset className="host-ban-confirm">
        <legend className="visually-hidden">{t('host.banConfirmLabel', vars)}</legend>
        <select
          value={banning}
          onChange={(event) => setBanning(event.target.value as BanScope)}
          aria-label={t('host.banScope')}
          data-testid={`host-ban-scope-${member.id}`}
        >
          <option value="event">{t('host.banEvent')}</option>
          <option value="brand">{t('host.banBrand')}</option>
        </select>
        <button
          type="button"
          className="danger"
          onClick={() => {
            sendHost('ban', { memberId: member.id, scope: banning });
            setBanning(null);
          }}
          data-testid={`host-ban-confirm-${member.id}`}
        >
          {t('host.banYes')}
        </button>
        <button type="button" onClick={() => setBanning(null)}>
          {t('host.cancel')}
        </button>
      </fieldset>
    );
  return (
    <>
      <button
        type="button"
        onClick={() => sendHost('mute', { memberId: member.id, muted: !muted })}
        aria-label={t(muted ? 'host.unmuteLabel' : 'host.muteLabel', vars)}
        data-testid={`host-mute-${member.id}`}
      >
        {t(muted ? 'host.unmute' : 'host.mute')}
      </button>
      <button
        type="button"
        onClick={() => sendHost('remove', { memberId: member.id })}
        aria-label={t('host.removeLabel', vars)}
        data-testid={`host-remove-${member.id}`}
      >
        {t('host.remove')}
      </button>
      <button
        type="button"
        onClick={() => setBanning('event')}
        aria-label={t('host.banLabel', vars)}
        data-testid={`host-ban-${member.id}`}
      >
        {t('host.ban')}
      </button>
    </>
  );
}
