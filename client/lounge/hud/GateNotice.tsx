import type { MessageKey } from '../../core/i18n/en.ts';
import { useT } from '../../core/i18n/useT.ts';
import type { GatedRoom } from '../../core/roomNames.ts';
import { useLayoverStore } from '../../core/store.ts';
import { useIsGuest } from '../../core/useIsGuest.ts';
import type { GateRefusal } from '../roomSlice.ts';

const DENIED: Record<GatedRoom, MessageKey> = { vip: 'error.gateDenied', suite: 'gate.suiteDenied' };

function refusalKey({ room, code }: GateRefusal): MessageKey {
  return code === 'passInUse' ? 'error.passInUse' : DENIED[room];
}

/** Why a gated room turned us away, which pass opens it and how to get one; guests can connect a wallet here. */
export function GateNotice() {
  const t = useT();
  const refusal = useLayoverStore((state) => state.gateRefusal);
  const dismiss = useLayoverStore((state) => state.dismissGateRefusal);
  const openWallet = useLayoverStore((state) => state.setWalletLinkOpen);
  const guest = useIsGuest();
  return (
    <div className="gate-notice-region" role="alert">
      {refusal && (
        <div className="gate-notice" data-testid="gate-notice">
          <p>{t(refusalKey(refusal))}</p>
          <div className="gate-notice-actions">
            {guest && refusal.code === 'gateDenied' && (
              <button
                type="button"
                className="primary"
                onClick={() => {
                  dismiss();
                  openWallet(true);
                }}
                data-testid="gate-connect-wallet"
              >
                {t('gate.connectWallet')}
              </button>
            )}
            <button type="button" onClick={dismiss}>
              {t('gate.dismiss')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
