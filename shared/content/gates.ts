import { z } from 'zod';
import { prizes } from './prizes.ts';

/** Contracts a gate may name: Layover's own, the partner brand's, or any 0x address. */
export const GATE_CONTRACT_NAMES = ['LoungePass', 'Stamps', 'Prizes', 'PartnerPass'] as const;
export type GateContractName = (typeof GATE_CONTRACT_NAMES)[number];

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'must be a contract name or a 0x address');
const tokenId = z.string().regex(/^\d{1,78}$/, 'must be a decimal token id string');

/** One ownership check: at least `minBalance` of a contract's tokens (optionally only some ids or tiers). */
export const GateCondition = z
  .strictObject({
    contract: z.union([z.enum(GATE_CONTRACT_NAMES), address]),
    standard: z.enum(['erc721', 'erc1155']),
    tokenIds: z.array(tokenId).min(1).max(50).optional(),
    /** LoungePass only: 1 Silver, 2 Gold, 3 Platinum; passes of this tier or higher count. */
    minTier: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    minBalance: z.number().int().min(1),
  })
  .superRefine((condition, ctx) => {
    if (condition.minTier !== undefined && condition.contract !== 'LoungePass') {
      ctx.addIssue({ code: 'custom', path: ['minTier'], message: 'minTier applies to LoungePass only' });
    }
    if (condition.minTier !== undefined && condition.standard !== 'erc721') {
      ctx.addIssue({ code: 'custom', path: ['standard'], message: 'minTier needs standard erc721' });
    }
    if (condition.standard === 'erc1155' && !condition.tokenIds) {
      ctx.addIssue({ code: 'custom', path: ['tokenIds'], message: 'erc1155 conditions must list tokenIds' });
    }
  });
export type GateCondition = z.infer<typeof GateCondition>;

/** Who may enter: any one of `anyOf`, and every one of `allOf` (both when both are given). */
export const GateRule = z
  .strictObject({
    anyOf: z.array(GateCondition).min(1).optional(),
    allOf: z.array(GateCondition).min(1).optional(),
  })
  .refine((rule) => rule.anyOf || rule.allOf, { message: 'a rule needs anyOf or allOf' });
export type GateRule = z.infer<typeof GateRule>;

export const RoomGate = z.strictObject({ room: z.string().min(1), rule: GateRule });
export type RoomGate = z.infer<typeof RoomGate>;

export const RoomGates = z
  .array(RoomGate)
  .refine((gates) => new Set(gates.map((gate) => gate.room)).size === gates.length, {
    message: 'each room may have one gate',
  });

/** A prize's ERC-1155 token id (decimal) by its content id; throws for an id the prize content lacks. */
function prizeTokenId(id: string): string {
  const prize = prizes.find((candidate) => candidate.id === id);
  if (!prize) throw new Error(`Layover: gates name unknown prize "${id}"`);
  return String(prize.tokenId);
}

/** The gated rooms. A brand edits this list: contract, standard, token ids or tier, minimum balance. */
export const roomGates: RoomGate[] = [
  {
    room: 'vip',
    // A Gold (or Platinum) LoungePass, or the Gold Pass prize ("Opens the VIP lounge for good").
    rule: {
      anyOf: [
        { contract: 'LoungePass', standard: 'erc721', minTier: 2, minBalance: 1 },
        { contract: 'Prizes', standard: 'erc1155', tokenIds: [prizeTokenId('gold-pass')], minBalance: 1 },
      ],
    },
  },
  {
    room: 'suite',
    rule: { anyOf: [{ contract: 'PartnerPass', standard: 'erc721', minBalance: 1 }] },
  },
];

/** Validates gates at boot; a bad rule throws with the room and the field named. */
export function parseRoomGates(gates: unknown): RoomGate[] {
  const parsed = RoomGates.safeParse(gates);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const [index, ...rest] = issue.path;
    const room =
      typeof index === 'number' ? ((gates as { room?: unknown }[])[index]?.room ?? `#${index}`) : 'gates';
    return `  ${String(room)}: ${rest.join('.') || '(rule)'}: ${issue.message}`;
  });
  throw new Error(`Layover: invalid gate rules in shared/content/gates.ts\n${lines.join('\n')}`);
}
