import { randomBytes } from 'node:crypto';
import { PERK_CODE_ALPHABET, PERK_CODE_LENGTH } from '../../shared/protocol/perks.ts';

/** A one-time perk code: 16 Crockford base32 characters from 10 random bytes (80 bits), stored without dashes. */
export function newPerkCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < PERK_CODE_LENGTH; i++) {
    code = PERK_CODE_ALPHABET[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return code;
}
