import { type Address, decodeFunctionData, encodeFunctionData } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { layoverForwarderAbi } from '../../contracts/abi/LayoverForwarder.ts';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import {
  decodePrizeCall,
  executeData,
  forwarderDomain,
  prizeCallData,
  signerOf,
  signRequest,
} from '../../server/chain/relay/forward.ts';
import { ForwardRequestMessage, RelaySubmitBody } from '../../shared/protocol/relay.ts';

const forwarder = '0x5FbDB2315678afecb367f032d93F642f64180aa3' as Address;
const prizes = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512' as Address;
const member = privateKeyToAccount(generatePrivateKey());
const friend = privateKeyToAccount(generatePrivateKey()).address;

const request = (data: `0x${string}`) =>
  ForwardRequestMessage.parse({
    from: member.address,
    to: prizes,
    value: '0',
    gas: '200000',
    nonce: '3',
    deadline: '1900000000',
    data,
  });

describe('relay forward requests', () => {
  it('reads back exactly the redeem and gift calls it writes, and nothing else', () => {
    const redeem = { kind: 'redeem', tokenId: 3n, amount: 2n } as const;
    const gift = { kind: 'gift', from: member.address, to: friend, tokenId: 1n, amount: 1n } as const;
    expect(decodePrizeCall(prizeCallData(redeem))).toEqual(redeem);
    expect(decodePrizeCall(prizeCallData(gift))).toEqual(gift);
    const withData = encodeFunctionData({
      abi: prizesAbi,
      functionName: 'safeTransferFrom',
      args: [member.address, friend, 1n, 1n, '0x01'],
    });
    expect(decodePrizeCall(withData)).toBeUndefined();
    const approval = encodeFunctionData({
      abi: prizesAbi,
      functionName: 'setApprovalForAll',
      args: [friend, true],
    });
    expect(decodePrizeCall(approval)).toBeUndefined();
    expect(decodePrizeCall('0xdeadbeef')).toBeUndefined();
  });

  it('recovers the signer only under the domain it was signed for (chain and forwarder)', async () => {
    const message = request(prizeCallData({ kind: 'redeem', tokenId: 1n, amount: 1n }));
    const domain = forwarderDomain(31337, forwarder);
    const signature = await signRequest(member, domain, message);
    expect(await signerOf(domain, message, signature)).toBe(member.address);
    expect(await signerOf(forwarderDomain(1, forwarder), message, signature)).not.toBe(member.address);
    expect(await signerOf(forwarderDomain(31337, prizes), message, signature)).not.toBe(member.address);
    expect(await signerOf(domain, { ...message, nonce: '4' }, signature)).not.toBe(member.address);
    expect(await signerOf(domain, message, '0x1234')).toBeUndefined();
  });

  it("encodes Forwarder.execute with the request's fields and signature", async () => {
    const message = request(prizeCallData({ kind: 'redeem', tokenId: 1n, amount: 1n }));
    const signature = await signRequest(member, forwarderDomain(31337, forwarder), message);
    const decoded = decodeFunctionData({ abi: layoverForwarderAbi, data: executeData(message, signature) });
    expect(decoded.functionName).toBe('execute');
    expect(decoded.args?.[0]).toMatchObject({ from: member.address, to: prizes, gas: 200000n, signature });
  });

  it('refuses malformed submit bodies', () => {
    const base = { kind: 'redeem', prizeId: 'lounge-day-pass' };
    expect(RelaySubmitBody.safeParse(base).success).toBe(true);
    expect(RelaySubmitBody.safeParse({ ...base, amount: 0 }).success).toBe(false);
    expect(RelaySubmitBody.safeParse({ ...base, signature: '0x12' }).success).toBe(false);
    expect(RelaySubmitBody.safeParse({ ...base, to: 'nobody' }).success).toBe(false);
    expect(RelaySubmitBody.safeParse({ ...base, extra: 1 }).success).toBe(false);
    expect(ForwardRequestMessage.safeParse({ ...request('0x'), value: '-1' }).success).toBe(false);
  });
});
