import type { Response } from 'express';
import type { ZodError } from 'zod';
import type { ApiError } from '../../shared/protocol/http.ts';

/** Sends `{ error, detail }`: a code the client translates, and a developer-facing detail. */
export function sendError(res: Response, status: number, error: string, detail?: string): void {
  const body: ApiError = detail ? { error, detail } : { error };
  res.status(status).json(body);
}

/** A one-line summary of what failed validation, for `detail`. */
export function describeZodError(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
}
