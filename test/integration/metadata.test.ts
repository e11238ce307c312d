import { createPublicClient, createWalletClient, http } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loungePassAbi } from '../../contracts/abi/LoungePass.ts';
import { ANVIL_ACCOUNTS } from '../../server/chain/anvil.ts';
import type { RunningLayover } from '../../server/main.ts';
import { startTestLayover } from '../support/layover.ts';

let layover: RunningLayover;

beforeAll(async () => {
  layover = await startTestLayover();
});

afterAll(async () => {
  await layover?.stop();
});

describe('pass metadata', () => {
  it('serves ERC-721 metadata from the pass tier on chain', async () => {
    const transport = http(layover.rpcUrl);
    const oracle = createWalletClient({
      account: privateKeyToAccount(ANVIL_ACCOUNTS.oracle.privateKey),
      chain: foundry,
      transport,
    });
    const reader = createPublicClient({ chain: foundry, transport });
    const hash = await oracle.writeContract({
      address: layover.contracts.LoungePass!,
      abi: loungePassAbi,
      functionName: 'mint',
      args: [ANVIL_ACCOUNTS.admin.address, 3],
    });
    await reader.waitForTransactionReceipt({ hash });

    const response = await fetch(`${layover.url}/metadata/pass/1`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      name: 'Layover Lounge Pass #1',
      attributes: [{ trait_type: 'Tier', value: 'Platinum' }],
    });
    const image = await fetch(body.image);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toContain('svg');

    expect((await fetch(`${layover.url}/metadata/pass/999`)).status).toBe(404);
    expect((await fetch(`${layover.url}/metadata/pass/abc`)).status).toBe(400);
  });

  it('lets a page on any other site read the metadata and the pass art, without credentials', async () => {
    const fromElsewhere = { headers: { origin: 'https://marketplace.example' } };
    const unminted = await fetch(`${layover.url}/metadata/pass/999`, fromElsewhere);
    expect(unminted.status).toBe(404);
    const art = await fetch(`${layover.url}/passes/gold.svg`, fromElsewhere);
    expect(art.status).toBe(200);
    for (const response of [unminted, art]) {
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
    const api = await fetch(`${layover.url}/health`, fromElsewhere);
    expect(api.headers.get('access-control-allow-origin')).toBeNull();
  });
});
