import type {
  EraseMeBody,
  EraseMeResponse,
  HealthResponse,
  SessionResponse,
  TestWalletResponse,
} from '../../shared/protocol/http.ts';
import { type ErrorCode, toErrorCode } from './errorCodes.ts';

/** A failed call to our own HTTP API, carrying a code the UI translates. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, options?: { cause?: unknown }) {
    super(`Layover API: ${code}`, options);
    this.name = 'ApiError';
    this.code = code;
  }
}

interface JsonRequest {
  method: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  /** A session token, sent as `Authorization: Bearer <token>`. */
  token?: string;
}

async function requestJson<T>(path: string, { method, body, token }: JsonRequest): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (cause) {
    throw new ApiError('network', { cause });
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const code = data && typeof data === 'object' && 'error' in data ? data.error : undefined;
    throw new ApiError(toErrorCode(code, response.status === 429 ? 'rateLimited' : 'internal'));
  }
  return data as T;
}

function postJson<T>(path: string, body: unknown): Promise<T> {
  return requestJson<T>(path, { method: 'POST', body });
}

/** Signs in as a guest: the server issues a session token and a custodial address. */
export function signInAsGuest(name: string): Promise<SessionResponse> {
  return postJson<SessionResponse>('/auth/guest', { name });
}

/**
 * Creates and signs in with a funded dev-chain account (local development only). With `linkToken` (a guest's
 * session) the guest keeps their member record and gains the wallet.
 */
export function signInWithTestWallet(name: string, linkToken?: string): Promise<TestWalletResponse> {
  return postJson<TestWalletResponse>('/auth/test-wallet', linkToken ? { name, linkToken } : { name });
}

/** /health as the client reads it: `rpcUrl` is where the browser reaches the chain, when the server says. */
export type ClientHealth = HealthResponse & { rpcUrl?: string };

/** Server health and features; null when the server cannot be reached. */
export async function fetchHealth(): Promise<ClientHealth | null> {
  try {
    const response = await fetch('/health', { headers: { accept: 'application/json' } });
    if (!response.ok) return null;
    return (await response.json()) as ClientHealth;
  } catch {
    return null;
  }
}

/** Everything the server holds about the signed-in member (GET /api/members/me/export), as parsed JSON. */
export function fetchMyData(token: string): Promise<unknown> {
  return requestJson<unknown>('/api/members/me/export', { method: 'GET', token });
}

/** Erases the signed-in member's data and ends all their sessions (DELETE /api/members/me). */
export function eraseMyData(token: string): Promise<EraseMeResponse> {
  const body: EraseMeBody = { confirm: 'erase my data' };
  return requestJson<EraseMeResponse>('/api/members/me', { method: 'DELETE', body, token });
}
