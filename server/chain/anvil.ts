import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

/** anvil's first default accounts (mnemonic "test test ... junk"), by the role they play in local runs. */
export const ANVIL_ACCOUNTS = {
  deployer: {
    address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
    privateKey: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  },
  admin: {
    address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    privateKey: '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  },
  oracle: {
    address: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
    privateKey: '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
  },
  /** Account #3: mints dev LoungePasses for the test wallet, so the oracle's nonces stay its own. */
  faucet: {
    address: '0x90F79bf6EB2c4f870365E785982E1f101E93b906',
    privateKey: '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
  },
  /** Account #4: the partner brand that owns the dev PartnerPass. */
  partner: {
    address: '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65',
    privateKey: '0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a',
  },
  /** Account #5: relays members' signed requests through the forwarder (server/chain/relay), nonces its own. */
  relayer: {
    address: '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc',
    privateKey: '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba',
  },
} as const;

/** `port` 0 or unset picks a free port; `blockTime` in seconds (unset = mine on every transaction). */
export type StartAnvilOptions = {
  port?: number;
  blockTime?: number;
  /** File the chain is loaded from at start and saved to on stop, so a restart keeps balances and contracts. */
  statePath?: string;
  log?: (line: string) => void;
};

/** A running anvil; `stop()` kills it and resolves once it has exited. */
export type AnvilInstance = { rpcUrl: string; port: number; chainId: number; stop: () => Promise<void> };

const CHAIN_ID = 31337;
const READY_TIMEOUT_MS = 20_000;
const OUTPUT_TAIL_CHARS = 4_000;

/** Starts a local anvil chain that dies with this process. */
export async function startAnvil(options: StartAnvilOptions = {}): Promise<AnvilInstance> {
  // Probing an explicit port too: anvil on a busy port exits, but another node there would answer our polls.
  const port = await reservePort(options.port ?? 0);
  const args = ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(CHAIN_ID), '--quiet'];
  if (options.blockTime) args.push('--block-time', String(options.blockTime));
  if (options.statePath) args.push('--state', options.statePath);

  const child = spawnDyingWithParent(anvilBinary(), args);
  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-OUTPUT_TAIL_CHARS);
    for (const line of text.split('\n')) if (line.trim()) options.log?.(`anvil: ${line}`);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let spawnError: Error | undefined;
  const exited = new Promise<void>((done) => {
    child.once('exit', () => done());
    child.once('error', (error) => {
      spawnError = error;
      done();
    });
  });
  // process.exit() or an uncaught error must not leave anvil orphaned holding its port.
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  // Nor may a SIGKILLed parent: the guard's stdin closes when this process dies, however it dies.
  const guard = spawnOrphanGuard(child.pid);

  const stop = async () => {
    process.off('exit', killOnExit);
    guard?.kill('SIGKILL');
    if (!spawnError && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
  };

  const rpcUrl = `http://127.0.0.1:${port}`;
  try {
    const chainId = await waitForChainId(rpcUrl, child, () => spawnError);
    options.log?.(`anvil: listening on ${rpcUrl} (chain ${chainId}, pid ${child.pid})`);
    return { rpcUrl, port, chainId, stop };
  } catch (error) {
    await stop();
    const detail = output.trim() || '(no output)';
    throw new Error(
      `anvil did not start on ${rpcUrl}: ${(error as Error).message}\nanvil output:\n${detail}`,
      {
        cause: error,
      },
    );
  }
}

async function waitForChainId(
  rpcUrl: string,
  child: ChildProcess,
  spawnError: () => Error | undefined,
): Promise<number> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] });
  while (Date.now() < deadline) {
    const error = spawnError();
    if (error) throw new Error(`could not run ${child.spawnfile}: ${error.message}`, { cause: error });
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`anvil exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    try {
      const response = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const { result } = (await response.json()) as { result?: string };
      if (result) return Number(result);
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`eth_chainId got no answer within ${READY_TIMEOUT_MS / 1000} s`);
}

const SETPRIV = '/usr/bin/setpriv';

/**
 * Spawns `binary` so the kernel kills it when this process dies (Linux's parent-death signal, set by util-linux's
 * `setpriv` before it execs the binary, so the pid is the binary's); a plain spawn where setpriv is missing.
 */
function spawnDyingWithParent(binary: string, args: string[]): ChildProcess {
  const stdio: ['ignore', 'pipe', 'pipe'] = ['ignore', 'pipe', 'pipe'];
  if (process.platform !== 'linux' || !existsSync(SETPRIV)) return spawn(binary, args, { stdio });
  return spawn(SETPRIV, ['--pdeathsig', 'KILL', '--', binary, ...args], { stdio });
}

/**
 * A shell that kills `pid` once our end of its stdin pipe closes, i.e. when this process is gone. It ignores the
 * Ctrl-C, hang-up and TERM that reach the whole process group, so it is still there if the server then hangs and is
 * killed.
 */
export function spawnOrphanGuard(pid: number | undefined): ChildProcess | undefined {
  if (pid === undefined) return undefined;
  const script = `trap '' INT TERM HUP; read _ignored; kill -KILL ${pid} 2>/dev/null`;
  const guard = spawn('/bin/sh', ['-c', script], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  guard.on('error', () => {});
  guard.unref();
  (guard.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return guard;
}

function anvilBinary(): string {
  const local = resolve(import.meta.dirname, '../../node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil');
  if (existsSync(local)) return local;
  const packageJson = createRequire(import.meta.url).resolve('@foundry-rs/anvil-linux-amd64/package.json');
  return join(dirname(packageJson), 'bin/anvil');
}

/** Binds `port` (0 = any free one) and releases it, returning the port; fails when it is in use. */
function reservePort(port: number): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', (error) =>
      fail(
        new Error(`Port ${port} on 127.0.0.1 is in use; pass port 0 to let anvil pick a free one`, {
          cause: error,
        }),
      ),
    );
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (bound ? done(bound) : fail(new Error('Could not pick a free port'))));
    });
  });
}
