import { lazy, Suspense } from 'react';
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
  return (
    <div className="hud-wallet">
      <Suspense fallback={<p role="status">{t('wallet.loading')}</p>}>
        <WalletPanel name={name} linkToken={token} onClose={() => setOpen(false)} />
      </Suspense>
    </div>
  );
}
