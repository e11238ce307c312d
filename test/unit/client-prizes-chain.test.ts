import { base, foundry } from 'viem/chains';
import { describe, expect, it } from 'vitest';
import { browserRpcUrl, chainFor } from '../../client/wallet/chainEndpoint.ts';

describe('chainFor', () => {
  it('uses viem chains it knows, the dev chain without an id, and a plain chain with any other id', () => {
    expect(chainFor(undefined)).toBe(foundry);
    expect(chainFor(31337)).toBe(foundry);
    expect(chainFor(8453)).toBe(base);
    // Signed transactions carry the server's chain id, not the dev chain's.
    expect(chainFor(424242).id).toBe(424242);
  });
});

describe('browserRpcUrl', () => {
  it('keeps absolute URLs and leaves the chain default when /health names none', () => {
    expect(browserRpcUrl('http://127.0.0.1:8545')).toBe('http://127.0.0.1:8545/');
    expect(browserRpcUrl(undefined)).toBeUndefined();
    expect(browserRpcUrl('')).toBeUndefined();
  });
});
