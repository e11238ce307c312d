import { z } from 'zod';

/** Options a client passes when joining any Layover room: only its bearer token, never an identity. */
export const JoinOptions = z.object({ token: z.string().min(20).max(200) });
export type JoinOptions = z.infer<typeof JoinOptions>;

/** Codes a join can fail with; the client shows each in the member's language. */
export const JoinErrorCode = {
  unauthorized: 4401,
  sessionExpired: 4403,
} as const;
