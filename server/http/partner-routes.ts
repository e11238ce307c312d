import { createHash } from 'node:crypto';
import express, { type Application, type Request, type RequestHandler, type Response, Router } from 'express';
import type { z } from 'zod';
import {
  ACTIVITY_FUTURE_TOLERANCE_MS,
  ACTIVITY_MAX_AGE_MS,
  PARTNER_API_PREFIX,
  PartnerActivityBody,
  PartnerErasureBody,
} from '../../shared/protocol/partners.ts';
import { routes } from '../../shared/protocol/routes.ts';
import type { AppContext } from '../context.ts';
import { activityState } from '../partners/credit.ts';
import { partnerIntake } from '../partners/intake-batch.ts';
import { partnerOpenApi } from '../partners/openapi.ts';
import { findPartner, PARTNER_ID, type PartnerRecord } from '../partners/registry.ts';
import { erasePartnerActivities } from '../partners/retention.ts';
import { findActivity, reverseActivity } from '../partners/reversal.ts';
import { checkSignature, PARTNER_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../partners/signature.ts';
import { describeZodError, sendError } from './errors.ts';

/** 1-200 printable ASCII characters. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e][\x20-\x7e]{0,199}$/;

/** The raw bytes the signature covers (a GET, or a call without a body, signs an empty one). */
function rawBody(req: Request): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}

/** The verified partner of this call (set by `verifyPartner`). */
const partnerOf = (res: Response): PartnerRecord => res.locals.partner as PartnerRecord;

/** Answers 401 unless the call is signed by an active partner within 300 s; the partner goes to `res.locals`. */
function verifyPartner(ctx: AppContext): RequestHandler {
  return async (req, res, next) => {
    const id = req.get(PARTNER_HEADER);
    const partner =
      id && id.length <= 40 && PARTNER_ID.test(id) ? await findPartner(ctx.ledger.db, id) : undefined;
    if (!partner?.active)
      return sendError(res, 401, 'unknownPartner', 'X-Layover-Partner names no active partner');
    const refused = checkSignature({
      secret: partner.secret,
      timestamp: req.get(TIMESTAMP_HEADER),
      signature: req.get(SIGNATURE_HEADER),
      body: rawBody(req),
      nowMs: ctx.clock.now(),
    });
    if (refused === 'staleSignature')
      return sendError(res, 401, refused, 'X-Layover-Timestamp must be unix seconds within 300 s of now');
    if (refused)
      return sendError(res, 401, refused, 'X-Layover-Signature does not match the body and timestamp');
    res.locals.partner = partner;
    res.set('cache-control', 'no-store');
    next();
  };
}

/** Parses the raw body as JSON against `schema`; answers 400 and returns undefined when it does not fit. */
function parseBody<S extends z.ZodType>(req: Request, res: Response, schema: S): z.output<S> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(rawBody(req).toString('utf8'));
  } catch {
    sendError(res, 400, 'invalidJson', 'the body is not JSON');
    return undefined;
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  sendError(res, 400, 'invalidBody', describeZodError(parsed.error));
  return undefined;
}

/** The Idempotency-Key header, or a 400 answered and undefined. */
function idempotencyKey(req: Request, res: Response): string | undefined {
  const key = req.get('idempotency-key');
  if (key && IDEMPOTENCY_KEY.test(key)) return key;
  sendError(
    res,
    400,
    'idempotencyKeyRequired',
    'send an Idempotency-Key header of 1-200 printable characters',
  );
  return undefined;
}

/** The partner API: signed activities in, their state, reversals, erasure, and the OpenAPI document. */
export function mountPartnerRoutes(app: Application, ctx: AppContext): void {
  const router = Router();
  const document = partnerOpenApi();
  // One transaction per activity, or group commit with PARTNER_INTAKE_BATCH=1 (helper G's bench compares them).
  const intake = partnerIntake(ctx);
  router.get(routes.partnerOpenApi.path, (_req, res) => {
    // Read by partners' tools from anywhere, never with credentials.
    res.removeHeader('Access-Control-Allow-Credentials');
    res.set('Access-Control-Allow-Origin', '*').set('cache-control', 'public, max-age=300').json(document);
  });
  // Before the app's JSON parser: the signature covers the raw bytes.
  router.use(PARTNER_API_PREFIX, express.raw({ type: () => true, limit: '16kb' }), verifyPartner(ctx));

  router.post(routes.partnerActivities.path, async (req, res) => {
    const key = idempotencyKey(req, res);
    if (key === undefined) return;
    const body = parseBody(req, res, PartnerActivityBody);
    if (!body) return;
    const now = ctx.clock.now();
    const occurred = Date.parse(body.occurredAt);
    if (occurred > now + ACTIVITY_FUTURE_TOLERANCE_MS || occurred < now - ACTIVITY_MAX_AGE_MS)
      return sendError(
        res,
        400,
        'occurredAtOutOfRange',
        'occurredAt must be within the last 365 days (5 min ahead at most)',
      );
    const bodyHash = createHash('sha256').update(rawBody(req)).digest('hex');
    const outcome = await intake(partnerOf(res), { idempotencyKey: key, bodyHash, body });
    if (outcome.kind === 'conflict')
      return sendError(res, 409, 'idempotencyConflict', 'this Idempotency-Key was used with another body');
    if (outcome.kind === 'noEarningRule')
      return sendError(res, 422, 'noEarningRule', `no earning rule for activity type "${body.type}"`);
    if (outcome.kind === 'replayed')
      return res.set('idempotent-replayed', 'true').status(200).json(outcome.state);
    res.status(outcome.state.status === 'credited' ? 201 : 202).json(outcome.state);
  });

  router.get(routes.partnerActivity.path, async (req, res) => {
    const row = await findActivity(ctx.ledger.db, partnerOf(res).id, String(req.params.id));
    if (!row) return sendError(res, 404, 'activityNotFound', 'you have no activity with this id');
    res.json(activityState(row));
  });

  router.post(routes.partnerReversal.path, async (req, res) => {
    if (idempotencyKey(req, res) === undefined) return;
    const outcome = await reverseActivity(ctx, partnerOf(res), String(req.params.id));
    if (outcome.kind === 'notFound')
      return sendError(res, 404, 'activityNotFound', 'you have no activity with this id');
    if (outcome.kind === 'dropped')
      return sendError(
        res,
        422,
        'activityDropped',
        'this activity waited 90 days for its member and was dropped',
      );
    if (outcome.kind === 'overLimit')
      return sendError(
        res,
        422,
        'reversalOverLimit',
        `the member holds ${outcome.balance} points; taking ${outcome.points} would pass your limit of -${outcome.limit}`,
      );
    if (outcome.kind === 'replayed') res.set('idempotent-replayed', 'true');
    res.status(200).json(outcome.state);
  });

  router.post(routes.partnerErasure.path, async (req, res) => {
    const body = parseBody(req, res, PartnerErasureBody);
    if (!body) return;
    res.json({ dropped: await erasePartnerActivities(ctx.ledger.db, partnerOf(res).id, body.member) });
  });
  app.use(router);
}
