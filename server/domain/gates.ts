import type { GateCondition, GateRule } from '../../shared/content/gates.ts';

/** What one address holds of one contract, as far as the rule needed to know. */
export interface ContractHoldings {
  /** ERC-721 `balanceOf`. */
  balance?: bigint;
  /** ERC-721 tokens known to be held (indexed, or the rule's listed ids confirmed by `ownerOf`), with tiers. */
  tokens?: { id: bigint; tier?: number }[];
  /** ERC-1155 balances by decimal token id. */
  balances?: Record<string, bigint>;
}

/** Holdings of one address, keyed by the condition's `contract` exactly as the rule spells it. */
export type Holdings = Record<string, ContractHoldings>;

/** A token that holds a seat: one NFT, one seat per gated room. */
export interface SeatToken {
  contract: string;
  tokenId: bigint;
}

export interface GateVerdict {
  allowed: boolean;
  /** Tokens that satisfied the rule and can back a seat; empty when the rule counts balances only. */
  matched: SeatToken[];
}

/** Every condition of a rule, any-of first. */
export function conditionsOf(rule: GateRule): GateCondition[] {
  return [...(rule.anyOf ?? []), ...(rule.allOf ?? [])];
}

/** Decides a gate rule against holdings read beforehand; no I/O. */
export function evaluateGate(rule: GateRule, holdings: Holdings): GateVerdict {
  const matched: SeatToken[] = [];
  const check = (condition: GateCondition): boolean => {
    const result = evaluateCondition(condition, holdings[condition.contract] ?? {});
    if (result.met)
      for (const tokenId of result.tokenIds) matched.push({ contract: condition.contract, tokenId });
    return result.met;
  };
  // Evaluate every condition (no short-circuit) so each qualifying token can back a seat.
  const anyMet = rule.anyOf ? rule.anyOf.map(check).some(Boolean) : true;
  const allMet = rule.allOf ? rule.allOf.map(check).every(Boolean) : true;
  const allowed = anyMet && allMet;
  return { allowed, matched: allowed ? dedupe(matched) : [] };
}

function evaluateCondition(
  condition: GateCondition,
  held: ContractHoldings,
): { met: boolean; tokenIds: bigint[] } {
  const minimum = BigInt(condition.minBalance);
  if (condition.standard === 'erc1155') {
    const ids = condition.tokenIds ?? [];
    const total = ids.reduce((sum, id) => sum + (held.balances?.[id] ?? 0n), 0n);
    return { met: total >= minimum, tokenIds: [] };
  }
  let tokens = held.tokens;
  if (condition.tokenIds) {
    const wanted = new Set(condition.tokenIds);
    tokens = (tokens ?? []).filter((token) => wanted.has(token.id.toString()));
  }
  if (condition.minTier !== undefined) {
    const minTier = condition.minTier;
    tokens = (tokens ?? []).filter((token) => (token.tier ?? 0) >= minTier);
  }
  const filtered = condition.tokenIds !== undefined || condition.minTier !== undefined;
  const count = filtered ? BigInt(tokens?.length ?? 0) : (held.balance ?? BigInt(tokens?.length ?? 0));
  return { met: count >= minimum, tokenIds: (tokens ?? []).map((token) => token.id) };
}

function dedupe(tokens: SeatToken[]): SeatToken[] {
  const seen = new Set<string>();
  return tokens.filter((token) => {
    const key = `${token.contract}:${token.tokenId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
