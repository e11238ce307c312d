import './prize-wallet.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type Address, getAddress, isAddress } from 'viem';
import { WagmiProvider } from 'wagmi';
import type { PrizeView } from '../../../shared/protocol/quests.ts';
import { findPrize } from '../../core/content.ts';
import { useT } from '../../core/i18n/useT.ts';
import { PrizeRow } from '../hud/PrizeRow.tsx';
import { PrizeHoldings } from './PrizeHoldings.tsx';
import { prizeStatusKey } from './prizeActions.ts';
import { usePrizeOutcomes } from './prizeOutcomes.ts';
import { loadedPrizeWallet, loadPrizeWallet, type PrizeWallet } from './prizeWallet.ts';

export interface PrizeWalletListProps {
  /** Newest first, as the passport lists them. */
  prizes: readonly PrizeView[];
  /** The member's wallet. */
  address: string;
}

type ReadyWallet = PrizeWallet & { prizes: Address };

/** The Prizes tab for a member with a wallet: each delivered prize with its on-chain balance, gift and redeem. */
export default function PrizeWalletList({ prizes, address }: PrizeWalletListProps) {
  const [wallet, setWallet] = useState(loadedPrizeWallet);
  useEffect(() => {
    if (wallet) return;
    let live = true;
    void loadPrizeWallet().then((loaded) => live && setWallet(loaded));
    return () => {
      live = false;
    };
  }, [wallet]);

  if (!wallet?.prizes || !isAddress(address, { strict: false })) {
    return (
      <ul className="prizes">
        {prizes.map((prize) => (
          <PrizeRow key={prize.claimId} prize={prize} />
        ))}
      </ul>
    );
  }
  const ready = wallet as ReadyWallet;
  const member = getAddress(address);
  return (
    <WagmiProvider config={ready.config}>
      <QueryClientProvider client={ready.queryClient}>
        <ul className="prizes">
          {prizes.map((prize) => (
            <PrizeWalletRow key={prize.claimId} prize={prize} member={member} wallet={ready} />
          ))}
        </ul>
      </QueryClientProvider>
    </WagmiProvider>
  );
}

function PrizeWalletRow({
  prize,
  member,
  wallet,
}: {
  prize: PrizeView;
  member: Address;
  wallet: ReadyWallet;
}) {
  const t = useT();
  const outcome = usePrizeOutcomes((state) => state.byClaim[prize.claimId]);
  const content = findPrize(prize.prizeId);
  return (
    <PrizeRow prize={prize} chainLabel={outcome ? t(prizeStatusKey(prize.state, outcome.kind)) : undefined}>
      {prize.state === 'delivered' && content && (
        <PrizeHoldings
          claimId={prize.claimId}
          content={content}
          member={member}
          wallet={wallet}
          outcome={outcome}
        />
      )}
    </PrizeRow>
  );
}
