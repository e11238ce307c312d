/** `0x1234…abcd`: enough of a transaction hash to recognise it. */
export function shortHash(hash: string): string {
  return hash.length > 14 ? `${hash.slice(0, 6)}…${hash.slice(-4)}` : hash;
}
