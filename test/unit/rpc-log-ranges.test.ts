import { describe, expect, it } from 'vitest';
import { logRanges } from '../../server/chain/log-ranges.ts';

describe('logRanges', () => {
  it('covers the whole range once, in pieces of at most the span', () => {
    expect(logRanges(5n, 2_504n, 1_000n)).toEqual([
      { fromBlock: 5n, toBlock: 1_004n },
      { fromBlock: 1_005n, toBlock: 2_004n },
      { fromBlock: 2_005n, toBlock: 2_504n },
    ]);
    expect(logRanges(7n, 7n)).toEqual([{ fromBlock: 7n, toBlock: 7n }]);
    expect(logRanges(8n, 7n)).toEqual([]);
    expect(() => logRanges(0n, 10n, 0n)).toThrow(/at least 1 block/);
  });
});
