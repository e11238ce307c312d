// Linux shares CPU between sessions (autogroups) before it looks at `nice`, so on a machine shared with other
// sessions' work only a session of our own, with a raised autogroup priority, keeps that work from deciding lag and
// latency figures. Root only; elsewhere the benchmark runs at normal priority and says so.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const MARK = 'LAYOVER_BENCH_OWN_SESSION';

/**
 * Runs this script again as the leader of a new session whose autogroup has `niceness`, and exits with its code.
 * Returns at once (doing nothing) in that child, when `niceness` is not negative, or when it cannot be done.
 */
export async function runInRaisedSession(niceness: number): Promise<void> {
  if (process.env[MARK]) {
    // Orphaned (the parent was killed): stop rather than run on unseen.
    const parent = process.ppid;
    setInterval(() => process.ppid !== parent && process.exit(1), 1000).unref();
    return;
  }
  if (niceness >= 0 || process.getuid?.() !== 0 || !existsSync('/proc/self/autogroup')) return;
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    detached: true,
    stdio: 'inherit',
    env: { ...process.env, [MARK]: '1' },
  });
  try {
    writeFileSync(`/proc/${child.pid}/autogroup`, String(niceness));
  } catch {
    // The child runs at normal priority and reports that.
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  const code = await new Promise<number>((resolve) => child.on('exit', (exit) => resolve(exit ?? 1)));
  process.exit(code);
}

/** The niceness of this process's autogroup, or undefined where there are no autogroups. */
export function autogroupNiceness(): number | undefined {
  try {
    const nice = readFileSync('/proc/self/autogroup', 'utf8').match(/nice (-?\d+)/)?.[1];
    return nice === undefined ? undefined : Number(nice);
  } catch {
    return undefined;
  }
}
