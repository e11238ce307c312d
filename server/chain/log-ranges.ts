/** Blocks one getLogs may span by default: public RPCs refuse ranges over 1k-10k blocks. */
export const DEFAULT_LOG_RANGE = 1_000n;

/** Splits `fromBlock..toBlock` (inclusive) into consecutive ranges of at most `span` blocks. */
export function logRanges(
  fromBlock: bigint,
  toBlock: bigint,
  span: bigint = DEFAULT_LOG_RANGE,
): { fromBlock: bigint; toBlock: bigint }[] {
  if (span < 1n) throw new Error(`log range must be at least 1 block, got ${span}`);
  const ranges: { fromBlock: bigint; toBlock: bigint }[] = [];
  for (let start = fromBlock; start <= toBlock; start += span) {
    const end = start + span - 1n;
    ranges.push({ fromBlock: start, toBlock: end < toBlock ? end : toBlock });
  }
  return ranges;
}
