import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '../..');

/** Path of the forge binary shipped by the `@foundry-rs/forge` npm package. */
export function forgeBinary(): string {
  const local = join(ROOT, 'node_modules/@foundry-rs/forge-linux-amd64/bin/forge');
  if (existsSync(local)) return local;
  const require = createRequire(import.meta.url);
  const platform = `${process.platform}-${process.arch === 'x64' ? 'amd64' : process.arch}`;
  return join(dirname(require.resolve(`@foundry-rs/forge-${platform}/package.json`)), 'bin/forge');
}

/** `profile` is a foundry.toml profile: `default` for npm test, `deep` for 10,000 runs per property. */
export type RunForgeOptions = { profile?: 'default' | 'deep'; args?: string[]; inherit?: boolean };

/** Runs `forge test` from the repository root; resolves with its exit code and output. */
export function runForgeTests(
  options: RunForgeOptions = {},
): Promise<{ code: number | null; output: string }> {
  const child = spawn(forgeBinary(), ['test', ...(options.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, FOUNDRY_PROFILE: options.profile ?? 'default', NO_COLOR: '1' },
    stdio: options.inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  // Forge must not outlive an interrupted test run.
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('exit', (code) => {
      process.off('exit', kill);
      done({ code, output });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const profile = process.env.FOUNDRY_PROFILE === 'deep' ? 'deep' : 'default';
  const { code } = await runForgeTests({ profile, args: process.argv.slice(2), inherit: true });
  process.exit(code ?? 1);
}
