import { type SQL, sql } from 'drizzle-orm';
import type { GateCondition, GateRule } from '../../shared/content/gates.ts';
import { SegmentError } from './segment-error.ts';

/** The gated rooms' rules and the deployment's contract addresses (named contracts resolve through them). */
export interface GateRulesView {
  rules: ReadonlyMap<string, GateRule>;
  contracts: Record<string, string | undefined>;
}

/** Which of Layover's contracts a condition names, by name or by its deployed address. */
function contractOf(condition: GateCondition, gates: GateRulesView): string {
  if (!condition.contract.startsWith('0x')) return condition.contract;
  const address = condition.contract.toLowerCase();
  const named = Object.entries(gates.contracts).find(([, value]) => value?.toLowerCase() === address);
  return named?.[0] ?? condition.contract;
}

const ids = (values: readonly string[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

/**
 * One gate condition over what the ledger indexes: Prizes balances from the Transfer-log index (prize_transfers,
 * received minus sent by the member's wallet), LoungePasses from the passes the ledger minted at their chain tier.
 * Other contracts (a partner's) are not indexed here: refused with `gateNotIndexed` rather than guessed.
 */
export function gateCondition(condition: GateCondition, gates: GateRulesView): SQL {
  const contract = contractOf(condition, gates);
  if (contract === 'Prizes' && condition.standard === 'erc1155') {
    const tokenIds = (condition.tokenIds ?? []).map(Number);
    return sql`(m.address IS NOT NULL AND coalesce((SELECT
        sum(CASE WHEN t.to_address = m.address THEN t.amount ELSE 0 END)
      - sum(CASE WHEN t.from_address = m.address THEN t.amount ELSE 0 END)
      FROM prize_transfers t WHERE t.token_id IN (${ids(tokenIds.map(String))})
      AND (t.to_address = m.address OR t.from_address = m.address)), 0) >= ${condition.minBalance})`;
  }
  if (contract === 'LoungePass' && condition.standard === 'erc721') {
    const tier = condition.minTier === undefined ? sql`true` : sql`p.chain_tier >= ${condition.minTier}`;
    const token = condition.tokenIds ? sql`p.token_id IN (${ids(condition.tokenIds)})` : sql`true`;
    return sql`((SELECT count(*) FROM member_passes p WHERE p.member_id = m.id AND p.token_id IS NOT NULL
      AND ${tier} AND ${token}) >= ${condition.minBalance})`;
  }
  throw new SegmentError(
    'gateNotIndexed',
    `holdings of ${condition.contract} are not indexed in the ledger; segments can use gates on Prizes and LoungePass`,
  );
}
