import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Abi,
  type Address,
  createPublicClient,
  createWalletClient,
  encodeErrorResult,
  type Hex,
  http,
  type PublicClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import { deployContracts } from '../../contracts/deploy.ts';
import { ANVIL_ACCOUNTS, type AnvilInstance, startAnvil } from '../../server/chain/anvil.ts';
import { type PreparedBatch, prepareBatch, tokenBook } from '../../server/chain/oracle/calls.ts';
import type { OutboxRow } from '../../server/chain/oracle/ledger.ts';
import { syncPrizeCatalogue } from '../../server/chain/prize-catalogue.ts';
import { seedBundle } from '../../server/content/seed.ts';

/** An ERC-1155 receiver that reverts with whatever error data it was given: a prize winner's hostile contract. */
const SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

contract MimicReceiver {
    bytes private _refusal;

    function refuseWith(bytes calldata refusal) external {
        _refusal = refusal;
    }

    function onERC1155Received(address, address, uint256, uint256, bytes calldata) external view returns (bytes4) {
        _refuse();
        return this.onERC1155Received.selector;
    }

    function onERC1155BatchReceived(address, address, uint256[] calldata, uint256[] calldata, bytes calldata)
        external
        view
        returns (bytes4)
    {
        _refuse();
        return this.onERC1155BatchReceived.selector;
    }

    function _refuse() private view {
        bytes memory refusal = _refusal;
        assembly {
            revert(add(refusal, 32), mload(refusal))
        }
    }
}
`;

const PREFIX = 'ab'.repeat(16);
const tokens = tokenBook();
tokens.learn({ version: 1, bundle: seedBundle() });
const DAY_PASS = { itemId: 'lounge-day-pass', tokenId: 1n };
const GOLD_PASS = { itemId: 'gold-pass', tokenId: 2n };

let anvil: AnvilInstance;
let dir: string;
let client: PublicClient;
let contracts: { Prizes: Address; Stamps: Address };
let mimic: Address;
let mimicAbi: Abi;
let nextId = 1;
let nextMember = 0xa000;

const deployer = privateKeyToAccount(ANVIL_ACCOUNTS.deployer.privateKey);

async function compileMimic(): Promise<{ abi: Abi; bytecode: Hex }> {
  const { default: solc } = await import('solc');
  const input = {
    language: 'Solidity',
    sources: { 'MimicReceiver.sol': { content: SOURCE } },
    settings: { outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors ?? []).filter((error: { severity: string }) => error.severity === 'error');
  if (errors.length > 0) throw new Error(`MimicReceiver: solc failed: ${JSON.stringify(errors)}`);
  const contract = output.contracts['MimicReceiver.sol'].MimicReceiver;
  return { abi: contract.abi as Abi, bytecode: `0x${contract.evm.bytecode.object}` as Hex };
}

/** An outbox row as the ledger holds it: a queued prize for `recipient`. */
function row(prize: { itemId: string }, recipient: Address): OutboxRow {
  return {
    id: nextId++,
    kind: 'prize',
    itemId: prize.itemId,
    recipient: recipient.toLowerCase(),
    custody: null,
    status: 'queued',
  } as unknown as OutboxRow;
}

const member = () => `0x${(nextMember++).toString(16).padStart(40, '0')}` as Address;

async function refuseWith(data: Hex): Promise<void> {
  const wallet = createWalletClient({ account: deployer, chain: foundry, transport: http(anvil.rpcUrl) });
  const hash = await wallet.writeContract({
    address: mimic,
    abi: mimicAbi,
    functionName: 'refuseWith',
    args: [data],
  });
  await client.waitForTransactionReceipt({ hash });
}

/** Prepares batches as the oracle does, round after round, until every row is either ready to mint or failed. */
async function drain(rows: OutboxRow[]): Promise<{ failed: [number, string][]; ready: OutboxRow[] }> {
  const failed: [number, string][] = [];
  const ready: OutboxRow[] = [];
  let queue = rows;
  for (let round = 0; queue.length > 0 && round < rows.length * 2; round++) {
    const prepared = (await prepareBatch(
      client,
      ANVIL_ACCOUNTS.oracle.address,
      queue,
      PREFIX,
      contracts,
      tokens.tokenOf,
    )) as PreparedBatch | { pruned: PreparedBatch['pruned'] };
    for (const pruned of prepared.pruned) failed.push([pruned.row.id, pruned.cause]);
    if ('rows' in prepared) ready.push(...prepared.rows);
    const done = new Set([
      ...prepared.pruned.map((pruned) => pruned.row),
      ...('rows' in prepared ? prepared.rows : []),
    ]);
    queue = queue.filter((queued) => !done.has(queued));
  }
  return { failed, ready };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layover-oracle-refusals-'));
  anvil = await startAnvil();
  client = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) }) as PublicClient;
  const deployment = await deployContracts({
    rpcUrl: anvil.rpcUrl,
    deployerKey: ANVIL_ACCOUNTS.deployer.privateKey,
    minterAddress: ANVIL_ACCOUNTS.oracle.address,
    deploymentsDir: dir,
  });
  contracts = { Prizes: deployment.contracts.Prizes, Stamps: deployment.contracts.Stamps };
  await syncPrizeCatalogue({
    admin: {
      client,
      rpcUrl: anvil.rpcUrl,
      prizes: contracts.Prizes,
      chainId: 31337,
      adminKey: ANVIL_ACCOUNTS.deployer.privateKey,
    },
    prizes: seedBundle().prizes,
    log: () => {},
  });
  const { abi, bytecode } = await compileMimic();
  mimicAbi = abi;
  const wallet = createWalletClient({ account: deployer, chain: foundry, transport: http(anvil.rpcUrl) });
  const hash = await wallet.deployContract({ abi, bytecode });
  mimic = (await client.waitForTransactionReceipt({ hash })).contractAddress as Address;
});

afterAll(async () => {
  await anvil?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('mint refusals are checked against the Prizes contract before a row is failed', () => {
  it('a receiver reverting with PrizesSoldOut fails only its own row, not the last Day Pass of the batch', async () => {
    await refuseWith(
      encodeErrorResult({ abi: prizesAbi, errorName: 'PrizesSoldOut', args: [DAY_PASS.tokenId, 1_000_000n] }),
    );
    const hostile = row(DAY_PASS, mimic);
    const winner = row(DAY_PASS, member());
    const { failed, ready } = await drain([hostile, winner]);
    expect(failed).toEqual([[hostile.id, 'PrizesSoldOut']]);
    expect(ready).toEqual([winner]);
  });

  it('a receiver reverting with PrizesUnknownPrize fails only its own row', async () => {
    await refuseWith(
      encodeErrorResult({ abi: prizesAbi, errorName: 'PrizesUnknownPrize', args: [DAY_PASS.tokenId] }),
    );
    const hostile = row(DAY_PASS, mimic);
    const winners = [row(DAY_PASS, member()), row(DAY_PASS, member())];
    const { failed, ready } = await drain([winners[0]!, hostile, winners[1]!]);
    expect(failed).toEqual([[hostile.id, 'PrizesUnknownPrize']]);
    expect(ready).toEqual(winners);
  });

  it('a receiver reverting with PrizesMemberCapReached naming another winner fails only its own row', async () => {
    const winner = member();
    await refuseWith(
      encodeErrorResult({
        abi: prizesAbi,
        errorName: 'PrizesMemberCapReached',
        args: [GOLD_PASS.tokenId, winner, 1],
      }),
    );
    const hostile = row(GOLD_PASS, mimic);
    const winnerRow = row(GOLD_PASS, winner);
    const { failed, ready } = await drain([hostile, winnerRow]);
    expect(failed).toEqual([[hostile.id, 'PrizesMemberCapReached']]);
    expect(ready).toEqual([winnerRow]);
  });

  it('a receiver reverting with ERC1155InvalidReceiver naming another winner fails only its own row', async () => {
    const winner = member();
    await refuseWith(
      encodeErrorResult({ abi: prizesAbi, errorName: 'ERC1155InvalidReceiver', args: [winner] }),
    );
    const hostile = row(DAY_PASS, mimic);
    const winnerRow = row(DAY_PASS, winner);
    const { failed, ready } = await drain([hostile, winnerRow]);
    expect(failed).toEqual([[hostile.id, 'ERC1155InvalidReceiver']]);
    expect(ready).toEqual([winnerRow]);
  });

  it('a real member cap still fails the row over the cap, and only that one', async () => {
    const winner = member();
    const first = row(GOLD_PASS, winner);
    const second = row(GOLD_PASS, winner);
    const other = row(GOLD_PASS, member());
    const { failed, ready } = await drain([first, second, other]);
    expect(failed).toEqual([[second.id, 'PrizesMemberCapReached']]);
    expect(ready).toEqual([first, other]);
  });
});
