/** Why a filter cannot be evaluated: a code the console translates, and words for a developer. */
export class SegmentError extends Error {
  constructor(
    readonly code: 'unknownStatusLevel' | 'unknownGate' | 'gateNotIndexed',
    detail: string,
  ) {
    super(detail);
    this.name = 'SegmentError';
  }
}
