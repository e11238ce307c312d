// Gas per prize for each mint path next to an OpenZeppelin ERC-721 `_safeMint` baseline, all measured on one anvil.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type Abi,
  type Address,
  createPublicClient,
  createWalletClient,
  encodeFunctionData,
  type Hex,
  http,
  keccak256,
  numberToHex,
  pad,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { layoverForwarderAbi } from '../../contracts/abi/LayoverForwarder.ts';
import { prizesAbi } from '../../contracts/abi/Prizes.ts';
import { stampsAbi } from '../../contracts/abi/Stamps.ts';
import { deployContracts } from '../../contracts/deploy.ts';
import { ANVIL_ACCOUNTS, startAnvil } from '../../server/chain/anvil.ts';
import { signForwardRequest } from '../support/contracts.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const MEMBER_KEY = '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6';
const OPEN = 1n;
const BOUND = 2n;
const require = createRequire(import.meta.url);
const { deployer, admin, oracle } = ANVIL_ACCOUNTS;

type Row = { path: string; items: number; gas: bigint };

let recipientSeed = 0;
let claimCounter = 1_000n;
/** A fresh externally owned address: every mint pays for a new balance slot, as for a new member. */
const freshRecipient = (): Address => `0x${keccak256(numberToHex(++recipientSeed)).slice(-40)}` as Address;
const sequentialClaim = (): Hex => pad(numberToHex(claimCounter++), { size: 32 });
const hashedClaim = (): Hex => keccak256(numberToHex(claimCounter++));
// Stamps keep their own sequence, so stamp batches never move the Prizes rows into a fresh bitmap word.
let stampClaimCounter = 1_000n;
const stampClaim = (): Hex => pad(numberToHex(stampClaimCounter++), { size: 32 });

function compileBaseline(): { abi: Abi; bytecode: Hex } {
  const solc = require('solc');
  const source = 'BaselineERC721.sol';
  const input = {
    language: 'Solidity',
    sources: { [source]: { content: readFileSync(join(ROOT, 'test/bench/contracts', source), 'utf8') } },
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: 'cancun',
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  const findImport = (path: string) => ({ contents: readFileSync(join(ROOT, 'node_modules', path), 'utf8') });
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
  const errors = (output.errors ?? []).filter((e: { severity: string }) => e.severity === 'error');
  if (errors.length > 0) throw new Error(`baseline failed to compile: ${JSON.stringify(errors)}`);
  const compiled = output.contracts[source].BaselineERC721;
  return { abi: compiled.abi, bytecode: `0x${compiled.evm.bytecode.object}` };
}

async function main(): Promise<void> {
  const anvil = await startAnvil();
  const deploymentsDir = await mkdtemp(join(tmpdir(), 'layover-gas-'));
  try {
    const publicClient = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) });
    const wallet = (key: Hex) =>
      createWalletClient({
        account: privateKeyToAccount(key),
        chain: foundry,
        transport: http(anvil.rpcUrl),
      });
    const gasOf = async (hash: Promise<Hex>): Promise<bigint> => {
      const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
      if (receipt.status !== 'success') throw new Error(`transaction ${receipt.transactionHash} reverted`);
      return receipt.gasUsed;
    };

    const deployment = await deployContracts({
      rpcUrl: anvil.rpcUrl,
      deployerKey: deployer.privateKey,
      adminAddress: admin.address,
      minterAddress: oracle.address,
      deploymentsDir,
    });
    const prizes = { address: deployment.contracts.Prizes, abi: prizesAbi } as const;
    const stamps = { address: deployment.contracts.Stamps, abi: stampsAbi } as const;
    const brand = wallet(admin.privateKey);
    const minter = wallet(oracle.privateKey);
    await gasOf(
      brand.writeContract({ ...prizes, functionName: 'addPrize', args: [OPEN, 10n ** 12n, 0, false] }),
    );
    await gasOf(
      brand.writeContract({ ...prizes, functionName: 'addPrize', args: [BOUND, 10n ** 12n, 0, true] }),
    );

    const baseline = compileBaseline();
    const baselineAddress = (
      await publicClient.waitForTransactionReceipt({
        hash: await wallet(deployer.privateKey).deployContract({ ...baseline, args: [] }),
      })
    ).contractAddress as Address;

    const mintPrize = (prizeId: bigint, claimId: Hex) =>
      gasOf(
        minter.writeContract({
          ...prizes,
          functionName: 'mintPrize',
          args: [freshRecipient(), prizeId, claimId],
        }),
      );
    const mintPrizes = (count: number, claim: () => Hex) =>
      gasOf(
        minter.writeContract({
          ...prizes,
          functionName: 'mintPrizes',
          args: [
            Array.from({ length: count }, freshRecipient),
            Array.from({ length: count }, () => OPEN),
            Array.from({ length: count }, claim),
          ],
        }),
      );
    const mintStamps = (count: number) =>
      gasOf(
        minter.writeContract({
          ...stamps,
          functionName: 'mintStamps',
          args: [
            Array.from({ length: count }, freshRecipient),
            Array.from({ length: count }, (_, i) => BigInt(i % 8)),
            Array.from({ length: count }, stampClaim),
          ],
        }),
      );
    const voucher = async (claimId: Hex) => {
      const to = freshRecipient();
      const deadline = 2n ** 40n;
      const signature = await minter.signTypedData({
        domain: {
          name: 'Layover Prizes',
          version: '1',
          chainId: anvil.chainId,
          verifyingContract: prizes.address,
        },
        types: {
          PrizeVoucher: [
            { name: 'to', type: 'address' },
            { name: 'prizeId', type: 'uint256' },
            { name: 'claimId', type: 'bytes32' },
            { name: 'deadline', type: 'uint256' },
          ],
        },
        primaryType: 'PrizeVoucher',
        message: { to, prizeId: OPEN, claimId, deadline },
      });
      return gasOf(
        wallet(MEMBER_KEY).writeContract({
          ...prizes,
          functionName: 'mintWithVoucher',
          args: [to, OPEN, claimId, deadline, signature],
        }),
      );
    };
    const baselineMint = (tokenId: bigint) =>
      gasOf(
        wallet(deployer.privateKey).writeContract({
          address: baselineAddress,
          abi: baseline.abi,
          functionName: 'mint',
          args: [freshRecipient(), tokenId],
        }),
      );

    // A member's own calls against the same calls relayed through the forwarder (the deployer relays and pays).
    const holder = privateKeyToAccount(MEMBER_KEY);
    const memberAction = (data: Hex) =>
      gasOf(wallet(MEMBER_KEY).sendTransaction({ to: prizes.address, data }));
    const relayedAction = async (data: Hex) => {
      const request = await signForwardRequest({
        client: publicClient,
        forwarder: deployment.contracts.Forwarder,
        signer: holder,
        to: prizes.address,
        data,
      });
      return gasOf(
        wallet(deployer.privateKey).writeContract({
          address: deployment.contracts.Forwarder,
          abi: layoverForwarderAbi,
          functionName: 'execute',
          args: [request],
        }),
      );
    };
    const redeemOne = encodeFunctionData({ abi: prizesAbi, functionName: 'redeem', args: [OPEN, 1n] });
    const giftOne = () =>
      encodeFunctionData({
        abi: prizesAbi,
        functionName: 'safeTransferFrom',
        args: [holder.address, freshRecipient(), OPEN, 1n, '0x'],
      });
    for (let i = 0; i < 8; i++) {
      await gasOf(
        minter.writeContract({
          ...prizes,
          functionName: 'mintPrize',
          args: [holder.address, OPEN, sequentialClaim()],
        }),
      );
    }

    // Warm-up: touch the first claim word and every stamp id so rows show steady-state costs; the member's first
    // relayed action pays for its forwarder nonce slot (0 to 1, ~17k more than later ones).
    const firstRelayed = await relayedAction(redeemOne);
    await mintPrize(OPEN, sequentialClaim());
    await mintStamps(8);
    await baselineMint(1n);

    const rows: Row[] = [
      { path: 'OZ ERC-721 `_safeMint` baseline (1 per tx)', items: 1, gas: await baselineMint(2n) },
      { path: '`mintPrize`, sequential claimId', items: 1, gas: await mintPrize(OPEN, sequentialClaim()) },
      { path: '`mintPrize`, hashed claimId', items: 1, gas: await mintPrize(OPEN, hashedClaim()) },
      {
        path: '`mintPrize` of a soulbound prize, sequential claimId',
        items: 1,
        gas: await mintPrize(BOUND, sequentialClaim()),
      },
      {
        path: '`mintPrizes` x10, sequential claimIds',
        items: 10,
        gas: await mintPrizes(10, sequentialClaim),
      },
      {
        path: '`mintPrizes` x100, sequential claimIds',
        items: 100,
        gas: await mintPrizes(100, sequentialClaim),
      },
      { path: '`mintPrizes` x100, hashed claimIds', items: 100, gas: await mintPrizes(100, hashedClaim) },
      { path: '`mintStamps` x10 (stamp batch, sequential claimIds)', items: 10, gas: await mintStamps(10) },
      {
        path: '`mintStamps` x100 (stamp batch, sequential claimIds)',
        items: 100,
        gas: await mintStamps(100),
      },
      { path: '`mintWithVoucher`, sequential claimId', items: 1, gas: await voucher(sequentialClaim()) },
      { path: '`mintWithVoucher`, hashed claimId', items: 1, gas: await voucher(hashedClaim()) },
      { path: '`redeem` by the member (direct)', items: 1, gas: await memberAction(redeemOne) },
      { path: '`redeem` relayed by the forwarder', items: 1, gas: await relayedAction(redeemOne) },
      {
        path: 'gift (`safeTransferFrom`) by the member (direct)',
        items: 1,
        gas: await memberAction(giftOne()),
      },
      {
        path: 'gift (`safeTransferFrom`) relayed by the forwarder',
        items: 1,
        gas: await relayedAction(giftOne()),
      },
    ];
    const base = Number(rows[0]!.gas);
    const open = Number(rows[1]!.gas);
    const soulbound = Number(rows[3]!.gas);

    console.log(
      `Gas per prize on anvil ${readVersion('@foundry-rs/anvil')}, solc ${readVersion('solc')} (optimizer 200 runs), ` +
        `OpenZeppelin ${readVersion('@openzeppelin/contracts')}; Node ${process.version}, ${cpus().length} cores.`,
    );
    console.log(
      'Every recipient is a fresh address; gas includes the 21,000 base and calldata of each transaction.\n',
    );
    console.log('| Path | Items | Tx gas | Gas per item | vs baseline |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const row of rows) {
      const perItem = Number(row.gas) / row.items;
      console.log(
        `| ${row.path} | ${row.items} | ${row.gas.toLocaleString('en-US')} | ${Math.round(perItem).toLocaleString('en-US')} | ${(perItem / base).toFixed(2)}x |`,
      );
    }
    const relayRow = (direct: number) => {
      const [d, r] = [Number(rows[direct]!.gas), Number(rows[direct + 1]!.gas)];
      return `+${(r - d).toLocaleString('en-US')} gas (${(r / d).toFixed(2)}x)`;
    };
    console.log(
      `\nRelayed vs direct, same run: redeem ${relayRow(11)}, gift ${relayRow(13)}; ` +
        `a member's first relayed action: ${firstRelayed.toLocaleString('en-US')} gas (new forwarder nonce slot).`,
    );
    const overhead = ((soulbound - open) / open) * 100;
    console.log(
      `\nSoulbound overhead on a mint: ${(soulbound - open).toLocaleString('en-US')} gas (${overhead.toFixed(2)}%), ` +
        '`mintPrize` of a soulbound prize vs a transferable one.',
    );
  } finally {
    await anvil.stop();
    await rm(deploymentsDir, { recursive: true, force: true });
  }
}

function readVersion(name: string): string {
  return require(`${name}/package.json`).version;
}

await main();
