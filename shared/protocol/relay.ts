import { z } from 'zod';

/** EIP-712 domain name and version of the LayoverForwarder (OpenZeppelin ERC2771Forwarder). */
export const FORWARDER_DOMAIN = { name: 'Layover Forwarder', version: '1' } as const;

/** EIP-712 type of a request the forwarder executes for its signer (OpenZeppelin 5's `ForwardRequest`). */
export const FORWARD_REQUEST_TYPES = {
  ForwardRequest: [
    { name: 'from', type: 'address' },
    { name: 'to', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'gas', type: 'uint256' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint48' },
    { name: 'data', type: 'bytes' },
  ],
} as const;

const Address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'an address: 0x and 40 hex digits');
const Uint = z.string().regex(/^[0-9]{1,78}$/, 'a decimal integer');
const HexData = z.string().regex(/^0x([0-9a-fA-F]{2}){0,4096}$/, 'hex bytes');

/** A ForwardRequest's message as JSON (integers as decimal strings); `forwardTypedData` turns it into bigints. */
export const ForwardRequestMessage = z.strictObject({
  from: Address,
  to: Address,
  value: Uint,
  gas: Uint,
  nonce: Uint,
  /** Unix seconds after which the forwarder refuses it. */
  deadline: Uint,
  data: HexData,
});
export type ForwardRequestMessage = z.infer<typeof ForwardRequestMessage>;

/** The forwarder's EIP-712 domain for one chain and deployment. */
export const ForwarderDomain = z.strictObject({
  name: z.literal(FORWARDER_DOMAIN.name),
  version: z.literal(FORWARDER_DOMAIN.version),
  chainId: z.number().int().positive(),
  verifyingContract: Address,
});
export type ForwarderDomain = z.infer<typeof ForwarderDomain>;

/** What a wallet signs (viem/wagmi `signTypedData` arguments) for a prepared request. */
export function forwardTypedData(domain: ForwarderDomain, message: ForwardRequestMessage) {
  return {
    domain: { ...domain, verifyingContract: domain.verifyingContract as `0x${string}` },
    types: FORWARD_REQUEST_TYPES,
    primaryType: 'ForwardRequest' as const,
    message: {
      from: message.from as `0x${string}`,
      to: message.to as `0x${string}`,
      value: BigInt(message.value),
      gas: BigInt(message.gas),
      nonce: BigInt(message.nonce),
      deadline: Number(message.deadline),
      data: message.data as `0x${string}`,
    },
  };
}

/** What a relayed action does: burn a prize for its perk, give it away, or take a gift from a claim link. */
export const RelayKind = z.enum(['redeem', 'gift', 'claim']);
export type RelayKind = z.infer<typeof RelayKind>;

/** Where a member's prize is: unminted in the ledger, minted to the brand's custody address, or in their wallet. */
export const PrizeWhere = z.enum(['held', 'custody', 'wallet']);
export type PrizeWhere = z.infer<typeof PrizeWhere>;

/** Where a relayed action stands: recorded, broadcast, on chain (or done in the ledger), or refused on the way. */
export const RelayStatus = z.enum(['queued', 'sent', 'confirmed', 'failed']);
export type RelayStatus = z.infer<typeof RelayStatus>;

/** POST /api/relay/prepare and POST /api/relay/actions: what the member wants done with which prize. */
const IntentFields = {
  kind: z.enum(['redeem', 'gift']),
  /** Content prize id (shared/content/prizes.ts). */
  prizeId: z.string().min(1).max(64),
  amount: z.number().int().min(1).max(100).default(1),
  /** A gift to this wallet address; leave out with `link: true` for a claim link. */
  to: Address.optional(),
  /** A gift by claim link: the answer carries a one-time token for `/?claim=<token>`. */
  link: z.boolean().optional(),
};

/** POST /api/relay/prepare: asks what to sign (wallet-held) or whether the server acts (custody, held). */
export const RelayPrepareBody = z.strictObject(IntentFields);
export type RelayPrepareBody = z.infer<typeof RelayPrepareBody>;

/** POST /api/relay/prepare answer: a request to sign with the member's wallet, or the server acts for them. */
export const RelayPrepared = z.discriminatedUnion('where', [
  z.strictObject({
    where: z.literal('wallet'),
    domain: ForwarderDomain,
    request: ForwardRequestMessage,
  }),
  z.strictObject({
    where: z.enum(['custody', 'held']),
    /** True when the member must sign in again first (custody acts only after a fresh sign-in). */
    reauth: z.boolean(),
  }),
]);
export type RelayPrepared = z.infer<typeof RelayPrepared>;

/** POST /api/relay/actions: the intent again, with the signed request for a wallet-held prize. */
export const RelaySubmitBody = z.strictObject({
  ...IntentFields,
  request: ForwardRequestMessage.optional(),
  /** The chain id the wallet put in the signed domain (refused with `wrongChain` when not this lounge's chain). */
  chainId: z.number().int().positive().optional(),
  /** 65-byte signature over the request's EIP-712 digest, from the member's wallet. */
  signature: z
    .string()
    .regex(/^0x[0-9a-fA-F]{130}$/, 'a 65-byte signature')
    .optional(),
});
export type RelaySubmitBody = z.infer<typeof RelaySubmitBody>;

/** One relayed action as its member sees it. */
export const RelayActionView = z.strictObject({
  id: z.string(),
  kind: RelayKind,
  prizeId: z.string(),
  amount: z.number().int(),
  where: PrizeWhere,
  /** The gift's recipient wallet; null for a redemption, a claim link not claimed yet, or a ledger-only move. */
  to: z.string().nullable(),
  status: RelayStatus,
  txHash: z.string().nullable(),
  /** A RelayErrorCode when failed. */
  error: z.string().nullable(),
  /** Only in the answer that created a claim link: the one-time token (`/?claim=<token>`); never shown again. */
  claimToken: z.string().nullable(),
  /** Epoch ms. */
  createdAt: z.number(),
});
export type RelayActionView = z.infer<typeof RelayActionView>;

/** One prize the member holds and where it sits. */
export const RelayPrizeView = z.strictObject({
  prizeId: z.string(),
  tokenId: z.number().int(),
  where: PrizeWhere,
  amount: z.number().int().min(0),
  /** False for soulbound prizes: redeem only. */
  giftable: z.boolean(),
});
export type RelayPrizeView = z.infer<typeof RelayPrizeView>;

/** GET /api/relay: the member's prizes by place, recent actions and today's relayed-action allowance. */
export const RelayOverview = z.strictObject({
  prizes: z.array(RelayPrizeView),
  actions: z.array(RelayActionView),
  /** Relayed actions today (UTC) and the most allowed. */
  usedToday: z.number().int(),
  dailyLimit: z.number().int(),
  /** The wallet requests are signed with; null for a member without one. */
  wallet: z.string().nullable(),
});
export type RelayOverview = z.infer<typeof RelayOverview>;

/** Path of GET /api/relay/actions/:id. */
export const RelayActionParams = z.strictObject({ id: z.string().regex(/^[0-9]{1,18}$/) });

/** Path of GET/POST /api/relay/claims/:token. */
export const RelayClaimParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/) });

/** GET /api/relay/claims/:token: what a claim link gives (never who sent it). */
export const RelayClaimView = z.strictObject({
  prizeId: z.string(),
  amount: z.number().int(),
  /** pending: the gift is still on its way into escrow; open: claimable; claimed: already taken. */
  state: z.enum(['pending', 'open', 'claimed']),
});
export type RelayClaimView = z.infer<typeof RelayClaimView>;

/** Refusals a member can meet (each translated in the lounge). */
export const RelayErrorCode = z.enum([
  'invalidRelay',
  'guestNotAllowed',
  'reauthRequired',
  'dailyLimit',
  'unknownPrize',
  'notHeld',
  'soulbound',
  'zeroAddress',
  'receiverRefuses',
  'noWallet',
  'signatureRequired',
  'badSignature',
  'wrongNonce',
  'expired',
  'wrongChain',
  'notYourToken',
  'replay',
  'custodyUnavailable',
  'claimNotFound',
  'claimUsed',
  'claimOwn',
  'relayFailed',
  'rateLimited',
]);
export type RelayErrorCode = z.infer<typeof RelayErrorCode>;
