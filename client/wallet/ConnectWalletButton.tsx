import { useT } from '../core/i18n/useT.ts';
import { useLayoverStore } from '../core/store.ts';
import { useIsGuest } from '../core/useIsGuest.ts';

/** For guests: connect a wallet without leaving; stamps and progress stay with the member record. */
export function ConnectWalletButton() {
  const t = useT();
  const guest = useIsGuest();
  const open = useLayoverStore((state) => state.walletLinkOpen);
  const setOpen = useLayoverStore((state) => state.setWalletLinkOpen);
  if (!guest) return null;
  return (
    <button
      type="button"
      className="connect-wallet"
      onClick={() => setOpen(!open)}
      aria-expanded={open}
      data-testid="hud-connect-wallet"
    >
      {t('hud.connectWallet')}
    </button>
  );
}
