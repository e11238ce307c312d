import { useState } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { sendHost } from '../net/eventSend.ts';

/** Ends the show for every instance (everyone returns to the lounge), after a second, explicit press. */
export function HostEndEvent() {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button type="button" className="danger" onClick={() => setConfirming(true)} data-testid="host-end">
        {t('host.end')}
      </button>
    );
  return (
    <div className="host-end-confirm" role="alert">
      <p>{t('host.endConfirm')}</p>
      <div className="event-form-row">
        <button
          type="button"
          className="danger"
          onClick={() => {
            sendHost('endEvent', {});
            setConfirming(false);
          }}
          data-testid="host-end-confirm"
        >
          {t('host.endYes')}
        </button>
        <button type="button" onClick={() => setConfirming(false)}>
          {t('host.cancel')}
        </button>
      </div>
    </div>
  );
}
