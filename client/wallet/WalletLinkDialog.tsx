import { type KeyboardEvent, lazy, Suspense } from 'react';
import { useT } from '../core/i18n/useT.ts';
import { useLayoverStore } from '../core/store.ts';

/** The same lazily loaded wallet panel as the entry screen; the chunk is fetched only when it opens. */
const WalletPanel = lazy(() => import('./WalletPanel.tsx'));

/** Wallet sign-in over the lounge, linking the wallet to the guest we are now. */
export function WalletLinkDialog() {
  const t = useT();
  const open = useLayoverStore((state) => state.walletLinkOpen);
  const token = useLayoverStore((state) => state.token);
  const name = useLayoverStore((state) => state.member?.name ?? '');
  const setOpen = useLayoverStore((state) => state.setWalletLinkOpen);
  if (!open || !token) return null;
  // A modal dialog: the lounge's keys stop while it is open (client/core/input/keyboard.ts), Escape closes it.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    setOpen(false);
  };
  return (
    <div
      className="hud-wallet"
      role="dialog"
      aria-modal="true"
      aria-label={t('wallet.heading')}
      onKeyDown={onKeyDown}
      data-testid="wallet-link-dialog"
    >
      <Suspense fallback={<p role="status">{t('wallet.loading')}</p>}>
        <WalletPanel name={name} linkToken={token} onClose={() => setOpen(false)} />
      </Suspense>
    </div>
  );
}
