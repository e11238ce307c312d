// Figures and markdown tables for the scale benchmarks.
import { cpus, loadavg } from 'node:os';

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Node version, cores and the load average now (other work on the machine skews every figure). */
export function machineFacts(): string {
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
  return `Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), load average ${load} (1/5/15 min)`;
}

/** A markdown table with padded columns; `right` marks numeric columns. */
export function table(headers: string[], rows: string[][], right: boolean[] = []): string {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length), 3),
  );
  const cell = (text: string, i: number) => (right[i] ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `| ${widths.map((width, i) => (right[i] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

export const fixed = (value: number, digits = 1): string =>
  Number.isFinite(value) ? value.toFixed(digits) : 'n/a';

export const met = (ok: boolean): string => (ok ? 'met' : 'not met');

/** CPU time of this process (the load generator) between two calls, as a fraction of one core. */
export function cpuMeter(): () => { cpuMs: number; cores: number } {
  const cpu = process.cpuUsage();
  const at = performance.now();
  return () => {
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    return { cpuMs, cores: cpuMs / (performance.now() - at) };
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
