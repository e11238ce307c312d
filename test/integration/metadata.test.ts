import { type Address, createPublicClient, createWalletClient, http } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loungePassAbi } from '../../contracts/abi/LoungePass.ts';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import { stampsAbi } from '../../contracts/abi/Stamps.ts';
import { ANVIL_ACCOUNTS } from '../../server/chain/anvil.ts';
import { syncMetadataUris } from '../../server/chain/uri-sync.ts';
import type { RunningLayover } from '../../server/main.ts';
import { prizes } from '../../shared/content/prizes.ts';
import type { Localized } from '../../shared/content/quest-schema.ts';
import { stamps } from '../../shared/content/stamps.ts';
import {
  ContractMetadata,
  erc1155IdHex,
  METADATA_LOCALES,
  MetadataErrorBody,
  TokenMetadata,
} from '../../shared/protocol/metadata.ts';
import { startTestLayover } from '../support/layover.ts';

let layover: RunningLayover;
let reader: ReturnType<typeof createPublicClient>;

beforeAll(async () => {
  layover = await startTestLayover();
  reader = createPublicClient({ chain: foundry, transport: http(layover.rpcUrl) });
});

afterAll(async () => {
  await layover?.stop();
});

/** Fetches a metadata document, checks its cache headers and schema, and answers it. */
async function document(url: string): Promise<TokenMetadata> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/json');
  expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
  const etag = response.headers.get('etag');
  expect(etag).toMatch(/^"[\w-]+"$/);
  // A revalidation as a wallet's cache sends it (fetch would add `cache-control: no-cache`, which forces a 200).
  const revalidation = { 'if-none-match': etag as string, 'cache-control': 'max-age=0' };
  expect((await fetch(url, { headers: revalidation })).status).toBe(304);
  return TokenMetadata.parse(await response.json());
}

async function expectSvg(url: string): Promise<void> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  expect(response.headers.get('content-type')).toContain('image/svg+xml');
  expect(await response.text()).toMatch(/<svg[^>]+role="img"/);
}

/** The default document, then every localized one through the localization extension's `uri`. */
async function expectLocalized(body: TokenMetadata, id: string, name: (locale: keyof Localized) => string) {
  expect(body.name).toBe(name('en'));
  expect(body.localization.default).toBe('en');
  expect(body.localization.locales).toEqual([...METADATA_LOCALES]);
  for (const locale of METADATA_LOCALES) {
    const localized = await document(body.localization.uri.replace('{locale}', locale).replace('{id}', id));
    expect(localized.name).toBe(name(locale));
    expect(localized.image).toBe(body.image);
  }
  expect(name('zh-Hant')).not.toBe(name('en'));
}

describe('ERC-1155 metadata wallets read', () => {
  it('serves every content stamp at the uri(id) on chain, with art and four languages', async () => {
    const address = layover.contracts.Stamps as Address;
    for (const stamp of stamps) {
      const uri = await reader.readContract({
        address,
        abi: stampsAbi,
        functionName: 'uri',
        args: [BigInt(stamp.tokenId)],
      });
      expect(uri).toBe(`${layover.url}/metadata/stamp/{id}`);
      const id = erc1155IdHex(stamp.tokenId);
      const body = await document(uri.replace('{id}', id));
      expect(body.attributes).toContainEqual({ trait_type: 'Soulbound', value: 'Yes' });
      await expectSvg(body.image);
      await expectLocalized(body, id, (locale) => stamp.name[locale]);
    }
  });

  it('serves every content prize with its perk, supply rules and art', async () => {
    const address = layover.contracts.Prizes as Address;
    for (const prize of prizes) {
      const uri = await reader.readContract({
        address,
        abi: prizesAbi,
        functionName: 'uri',
        args: [BigInt(prize.tokenId)],
      });
      expect(new URL(uri.replace('{id}', '0')).port).toBe(String(layover.port));
      const id = erc1155IdHex(prize.tokenId);
      const body = await document(uri.replace('{id}', id));
      expect(body.image).toBe(`${layover.url}/prizes/${prize.id}.svg`);
      expect(body.attributes).toContainEqual({ trait_type: 'Perk', value: prize.perk.en });
      expect(body.attributes).toContainEqual({
        trait_type: 'Max supply',
        value: prize.maxSupply,
        display_type: 'number',
      });
      expect(body.attributes).toContainEqual({
        trait_type: 'Soulbound',
        value: prize.soulbound ? 'Yes' : 'No',
      });
      await expectSvg(body.image);
      await expectLocalized(body, id, (locale) => prize.name[locale]);
      const zh = await document(body.localization.uri.replace('{locale}', 'zh-Hant').replace('{id}', id));
      expect(zh.attributes).toContainEqual({ trait_type: 'Perk', value: prize.perk['zh-Hant'] });
    }
  });

  it('serves ERC-7572 contract metadata at each contractURI()', async () => {
    const named = [
      ['Stamps', stampsAbi],
      ['Prizes', prizesAbi],
      ['LoungePass', loungePassAbi],
    ] as const;
    for (const [name, abi] of named) {
      const address = layover.contracts[name] as Address;
      const uri = (await reader.readContract({
        address,
        abi,
        functionName: 'contractURI',
      } as never)) as string;
      expect(uri).toBe(`${layover.url}/metadata/contract/${name.toLowerCase()}`);
      const response = await fetch(uri);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
      const body = ContractMetadata.parse(await response.json());
      expect(body.external_link).toBe(layover.url);
      await expectSvg(body.image);
    }
  });
});

describe('pass metadata', () => {
  it('serves ERC-721 metadata from the pass tier on chain, at tokenURI, in four languages', async () => {
    const transport = http(layover.rpcUrl);
    const faucet = createWalletClient({
      account: privateKeyToAccount(ANVIL_ACCOUNTS.faucet.privateKey),
      chain: foundry,
      transport,
    });
    const address = layover.contracts.LoungePass as Address;
    const hash = await faucet.writeContract({
      address,
      abi: loungePassAbi,
      functionName: 'mint',
      args: [ANVIL_ACCOUNTS.admin.address, 3],
    });
    const receipt = await reader.waitForTransactionReceipt({ hash });
    expect(receipt.status).toBe('success');
    const minted = await reader.readContract({
      address,
      abi: loungePassAbi,
      functionName: 'balanceOf',
      args: [ANVIL_ACCOUNTS.admin.address],
    });
    expect(minted).toBe(1n);
    const uri = await reader.readContract({
      address,
      abi: loungePassAbi,
      functionName: 'tokenURI',
      args: [1n],
    });
    expect(uri).toBe(`${layover.url}/metadata/pass/1`);
    const body = await document(uri);
    expect(body).toMatchObject({
      name: 'Layover Lounge Pass #1',
      attributes: [{ trait_type: 'Tier', value: 'Platinum' }],
    });
    await expectSvg(body.image);
    const zh = await document(body.localization.uri.replace('{locale}', 'zh-Hant'));
    expect(zh.name).toBe('Layover 貴賓室通行證 #1');
    expect(zh.description).toContain('白金卡');
    expect((await fetch(`${layover.url}/metadata/pass/999`)).status).toBe(404);
    expect((await fetch(`${layover.url}/metadata/pass/abc`)).status).toBe(400);
  });
});

describe('refusals', () => {
  const hex = (tokenId: number) => erc1155IdHex(tokenId);
  const cases: [string, number, string][] = [
    [`/metadata/stamp/${'z'.repeat(64)}`, 400, 'invalidTokenId'],
    [`/metadata/stamp/${'0'.repeat(65)}`, 400, 'invalidTokenId'],
    [`/metadata/prize/${'0'.repeat(63)}`, 400, 'invalidTokenId'],
    [`/metadata/prize/0x${hex(1).slice(2)}`, 400, 'invalidTokenId'],
    ['/metadata/prize/1', 400, 'invalidTokenId'],
    [`/metadata/stamp/${hex(999)}`, 404, 'tokenNotFound'],
    [`/metadata/prize/${hex(0)}`, 404, 'tokenNotFound'],
    [`/metadata/prize/fr/${hex(1)}`, 404, 'unknownLocale'],
    ['/metadata/pass/xx/1', 404, 'unknownLocale'],
    ['/metadata/contract/partnerpass', 404, 'unknownContract'],
    ['/prizes/nope.svg', 404, 'notFound'],
    ['/prizes/..%2F..%2Fpackage.json', 404, 'notFound'],
    ['/stamps/.env', 404, 'notFound'],
  ];
  it.each(cases)('%s answers %i %s', async (path, status, code) => {
    const response = await fetch(`${layover.url}${path}`);
    expect(response.status).toBe(status);
    expect(MetadataErrorBody.parse(await response.json()).error).toBe(code);
  });

  it('lets a page on any other site read metadata and art, without credentials', async () => {
    const fromElsewhere = { headers: { origin: 'https://marketplace.example' } };
    const paths = [
      '/metadata/pass/999',
      '/passes/gold.svg',
      `/metadata/stamp/${hex(1)}`,
      `/metadata/prize/vi/${hex(2)}`,
      '/metadata/contract/prizes',
      '/prizes/gold-pass.svg',
      '/stamps/first-visit.svg',
    ];
    for (const path of paths) {
      const response = await fetch(`${layover.url}${path}`, fromElsewhere);
      expect(response.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(response.headers.get('access-control-allow-credentials'), path).toBeNull();
    }
    const api = await fetch(`${layover.url}/health`, fromElsewhere);
    expect(api.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('uri-sync', () => {
  const contracts = () => ({
    Stamps: layover.contracts.Stamps,
    Prizes: layover.contracts.Prizes,
    LoungePass: layover.contracts.LoungePass,
  });
  const stampsUri = () =>
    reader.readContract({
      address: layover.contracts.Stamps as Address,
      abi: stampsAbi,
      functionName: 'uri',
      args: [1n],
    });

  it('only says what differs without an admin key, or with a key that is not admin', async () => {
    const lines: string[] = [];
    const base = {
      client: reader as never,
      rpcUrl: layover.rpcUrl,
      contracts: contracts(),
      origin: 'https://lounge.example',
    };
    const keyless = await syncMetadataUris({ ...base, adminKey: undefined, log: (line) => lines.push(line) });
    expect(keyless.changes.map((change) => change.label)).toHaveLength(6);
    expect(keyless.sent).toEqual([]);
    expect(lines.join('\n')).toContain('skipped, no admin key');
    const stranger = await syncMetadataUris({
      ...base,
      adminKey: ANVIL_ACCOUNTS.partner.privateKey,
      log: (line) => lines.push(line),
    });
    expect(stranger.sent).toEqual([]);
    expect(lines.join('\n')).toContain('is not admin of Stamps uri');
    expect(await stampsUri()).toBe(`${layover.url}/metadata/stamp/{id}`);
  });

  it('moves every URI to a new PUBLIC_URL once, sends nothing when they match, and moves back', async () => {
    const sync = (origin: string) =>
      syncMetadataUris({
        client: reader as never,
        rpcUrl: layover.rpcUrl,
        contracts: contracts(),
        adminKey: ANVIL_ACCOUNTS.deployer.privateKey,
        origin,
        log: () => {},
      });
    const moved = await sync('https://lounge.example');
    expect(moved.sent).toHaveLength(6);
    expect(await stampsUri()).toBe('https://lounge.example/metadata/stamp/{id}');
    const pass = layover.contracts.LoungePass as Address;
    expect(
      await reader.readContract({ address: pass, abi: loungePassAbi, functionName: 'tokenURI', args: [1n] }),
    ).toBe('https://lounge.example/metadata/pass/1');
    expect(
      await reader.readContract({ address: pass, abi: loungePassAbi, functionName: 'contractURI' }),
    ).toBe('https://lounge.example/metadata/contract/loungepass');
    const admin = { address: ANVIL_ACCOUNTS.deployer.address, blockTag: 'pending' } as const;
    const sentBefore = await reader.getTransactionCount(admin);
    expect(await sync('https://lounge.example')).toEqual({ changes: [], sent: [] });
    expect(await reader.getTransactionCount(admin)).toBe(sentBefore);
    expect((await sync(layover.url)).sent).toHaveLength(6);
    expect(await stampsUri()).toBe(`${layover.url}/metadata/stamp/{id}`);
  });
});

describe('pass reads', () => {
  it('are limited per client address: a flood of pass ids gets 429 rateLimited, not a chain read each', async () => {
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, index) => fetch(`${layover.url}/metadata/pass/${1000 + index}`)),
    );
    const limited = answers.filter((response) => response.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]?.headers.get('retry-after')).toBe('1');
    expect(MetadataErrorBody.parse(await limited[0]?.json()).error).toBe('rateLimited');
    // Stamps and prizes are content, read from no chain: never limited.
    expect((await fetch(`${layover.url}/metadata/stamp/${erc1155IdHex(1)}`)).status).toBe(200);
  });
});
