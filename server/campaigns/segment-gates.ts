import { type SQL, sql } from 'drizzle-orm';
import type { GateCondition, GateRule } from '../../shared/content/gates.ts';
import {
  type ContractAddresses,
  gateContractAddress,
  inPrizeIndex,
} from '../chain/indexer/gate-contracts.ts';
import type { NftIndexProgress } from '../chain/indexer/nft-index.ts';
import { SegmentError } from './segment-error.ts';

/** The gated rooms' rules, the deployment's contract addresses, and how far the NFT index of this process has come. */
export interface GateRulesView {
  rules: ReadonlyMap<string, GateRule>;
  contracts: ContractAddresses;
  /** Absent where no index runs (nothing but Prizes can be evaluated then). */
  nftIndex?: NftIndexProgress | undefined;
}

const ids = (values: readonly string[]) =>
  sql.join(
    values.map((value) => sql`${value}::numeric`),
    sql`, `,
  );

/** The member's wallet's net amount in a transfer table's rows `t` (received minus sent). */
const netOf = sql`sum(CASE WHEN t.to_address = m.address THEN t.amount ELSE 0 END)
  - sum(CASE WHEN t.from_address = m.address THEN t.amount ELSE 0 END)`;

/**
 * One gate condition over the ledger's Transfer-log indexes, for the member's wallet (received minus sent): Prizes'
 * ERC-1155 from prize_transfers, any other contract from nft_transfers (LoungePass tiers from nft_token_tiers, as
 * PassMinted and TierChanged set them, so a transferred pass counts at its tier). A contract that is not configured,
 * or that the index has not caught up on yet, is refused with `gateNotIndexed` rather than guessed.
 */
export function gateCondition(condition: GateCondition, gates: GateRulesView): SQL {
  if (inPrizeIndex(condition, gates.contracts)) {
    const tokenIds = (condition.tokenIds ?? []).map(Number);
    return sql`(m.address IS NOT NULL AND coalesce((SELECT ${netOf}
      FROM prize_transfers t WHERE t.token_id IN (${sql.join(
        tokenIds.map((id) => sql`${id}`),
        sql`, `,
      )})
      AND (t.to_address = m.address OR t.from_address = m.address)), 0) >= ${condition.minBalance})`;
  }
  const address = gateContractAddress(condition.contract, gates.contracts);
  if (!address)
    throw new SegmentError('gateNotIndexed', `${condition.contract} is not configured on this deployment`);
  if (!gates.nftIndex?.caughtUp(address))
    throw new SegmentError(
      'gateNotIndexed',
      `the Transfer-log index of ${condition.contract} (${address}) has not caught up with the chain yet; try again shortly`,
    );
  return condition.standard === 'erc1155' ? erc1155Held(address, condition) : erc721Held(address, condition);
}

/** The summed balance of the listed token ids reaches minBalance (as evaluateGate sums them). */
function erc1155Held(address: string, condition: GateCondition): SQL {
  return sql`(m.address IS NOT NULL AND coalesce((SELECT ${netOf} FROM nft_transfers t
    WHERE t.contract = ${address} AND t.token_id IN (${ids(condition.tokenIds ?? [])})
    AND (t.to_address = m.address OR t.from_address = m.address)), 0) >= ${condition.minBalance})`;
}

/** The tokens the wallet holds now (of the listed ids, at minTier or above) number minBalance or more. */
function erc721Held(address: string, condition: GateCondition): SQL {
  const listed = condition.tokenIds ? sql`AND t.token_id IN (${ids(condition.tokenIds)})` : sql``;
  const tier =
    condition.minTier === undefined
      ? sql``
      : sql`WHERE coalesce((SELECT g.tier FROM nft_token_tiers g WHERE g.contract = ${address}
          AND g.token_id = h.token_id ORDER BY g.block_number DESC, g.log_index DESC LIMIT 1), 0) >= ${condition.minTier}`;
  return sql`(m.address IS NOT NULL AND (SELECT count(*) FROM (SELECT t.token_id FROM nft_transfers t
    WHERE t.contract = ${address} AND (t.to_address = m.address OR t.from_address = m.address) ${listed}
    GROUP BY t.token_id HAVING ${netOf} > 0) h ${tier}) >= ${condition.minBalance})`;
}
