import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system, all threads) a process has used so far, from /proc/<pid>/stat. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Share of one core a set of processes used between `start()` and `stop()` (1 = one full core). */
export function cpuMeter(pids: () => number[]): { start: () => void; stop: () => number } {
  let before = 0;
  let at = 0;
  const total = () => pids().reduce((sum, pid) => sum + safeCpu(pid), 0);
  return {
    start: () => {
      before = total();
      at = performance.now();
    },
    stop: () => (total() - before) / ((performance.now() - at) / 1000),
  };
}

function safeCpu(pid: number): number {
  try {
    return cpuSecondsOf(pid);
  } catch {
    return 0;
  }
}

/** Whether `taskset` is here. */
export const canPin = () => spawnSync('taskset', ['-V']).status === 0;

/** Pins every thread of a process to one core (threads it starts later inherit it). */
export function pinProcess(pid: number, core: number): void {
  spawnSync('taskset', ['-a', '-cp', String(core), String(pid)], { stdio: 'ignore' });
}
