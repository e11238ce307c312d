import type { ContentBundle, PrizeChainState } from '../../shared/protocol/content.ts';
import { ANVIL_ACCOUNTS } from '../chain/anvil.ts';
import { addPublishedPrize, type PrizeAdmin, prizeOnChain, unsignedAddPrize } from '../chain/prize-admin.ts';
import type { AppContext } from '../context.ts';
import { contentPrizeTransactions } from '../db/content-schema.ts';

/** The Prizes contract and the admin key of this server: DEPLOYER_KEY, or anvil's deployer on the dev chain. */
export function prizeAdminOf(ctx: AppContext): PrizeAdmin {
  const { chain, config } = ctx;
  return {
    client: chain.publicClient,
    rpcUrl: chain.rpcUrl,
    prizes: chain.contracts.Prizes as `0x${string}`,
    chainId: chain.chainId,
    adminKey:
      config.deployerKey ?? (chain.chainId === 31337 ? ANVIL_ACCOUNTS.deployer.privateKey : undefined),
  };
}

/** Sends addPrize for every prize `next` has and `previous` had not (or answers its unsigned transaction). */
export async function addNewPrizes(
  ctx: AppContext,
  previous: ContentBundle,
  next: ContentBundle,
): Promise<PrizeChainState[]> {
  const known = new Set(previous.prizes.map((prize) => prize.id));
  const admin = prizeAdminOf(ctx);
  const states: PrizeChainState[] = [];
  for (const prize of next.prizes.filter((candidate) => !known.has(candidate.id))) {
    const state = await addPublishedPrize(admin, prize);
    if (state.txHash)
      await ctx.ledger.db
        .insert(contentPrizeTransactions)
        .values({ prizeId: prize.id, tokenId: prize.tokenId, txHash: state.txHash })
        .onConflictDoNothing();
    states.push(state);
  }
  // Rows of a prize that was waiting for addPrize can be minted now.
  if (states.some((state) => state.onChain)) ctx.oracle?.wake();
  return states;
}

/** Each published prize's state on chain, for the console (with the transaction to sign where one is missing). */
export async function prizeChainStates(ctx: AppContext, bundle: ContentBundle): Promise<PrizeChainState[]> {
  const admin = prizeAdminOf(ctx);
  const sent = new Map(
    (await ctx.ledger.db.select().from(contentPrizeTransactions)).map((row) => [row.prizeId, row.txHash]),
  );
  return Promise.all(
    bundle.prizes.map(async (prize) => {
      const onChain = await prizeOnChain(admin, prize.tokenId);
      const txHash = sent.get(prize.id);
      const state: PrizeChainState = {
        prizeId: prize.id,
        tokenId: prize.tokenId,
        onChain,
        ...(txHash ? { txHash } : {}),
      };
      if (onChain) return state;
      return { ...state, transaction: unsignedAddPrize(admin, prize) };
    }),
  );
}
