import { z } from 'zod';
import {
  PARTNER_API_PREFIX,
  PARTNER_SIGNATURE_TOLERANCE_S,
  PartnerActivityBody,
  PartnerActivityState,
  PartnerApiError,
  PartnerErasureBody,
  PartnerErasureResult,
  PartnerWebhookEvent,
} from '../../shared/protocol/partners.ts';

const input = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' });
const output = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'output', target: 'draft-2020-12' });

const RECIPE = [
  'Every call but this document is signed with the partner secret Layover gave you (shown once; rotate it in the',
  'brand console). Send `X-Layover-Partner: <your partner id>`, `X-Layover-Timestamp: <unix seconds>` and',
  '`X-Layover-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` (a GET signs an empty body).',
  `A timestamp more than ${PARTNER_SIGNATURE_TOLERANCE_S} s from Layover's clock is refused (401 staleSignature),`,
  'so a captured request cannot be replayed later. The key is the secret string as given (its UTF-8 bytes).',
  'Webhooks Layover sends you carry the same three headers, signed with the same secret, and',
  '`X-Layover-Event-Id` (the same on every retry: deduplicate on it).',
].join(' ');

const header = (name: string, description: string, required = true) => ({
  name,
  in: 'header',
  required,
  description,
  schema: { type: 'string' },
});

const signed = [
  header('X-Layover-Partner', 'Your partner id.'),
  header('X-Layover-Timestamp', 'Unix seconds when you signed.'),
  header('X-Layover-Signature', 'v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>'),
];
const idempotencyKey = header(
  'Idempotency-Key',
  '1-200 printable characters, unique per activity: a retry with the same key and body answers the stored state.',
);

const json = (schema: unknown) => ({ 'application/json': { schema } });
const error = (description: string) => ({
  description,
  content: json({ $ref: '#/components/schemas/Error' }),
});
const state = (description: string, headers?: Record<string, unknown>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: json({ $ref: '#/components/schemas/ActivityState' }),
});
const refused = {
  '400': error('invalidBody, invalidJson, idempotencyKeyRequired, occurredAtOutOfRange'),
  '401': error('unknownPartner, staleSignature, badSignature'),
  '413': error('bodyTooLarge (16 KiB)'),
};
const replayed = { 'Idempotent-Replayed': { schema: { type: 'string', enum: ['true'] } } };
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', maxLength: 64 } };

/** The partner API's OpenAPI 3.1 document, built from the same zod schemas the routes check with. */
export function partnerOpenApi(): Record<string, unknown> {
  const p = PARTNER_API_PREFIX;
  return {
    openapi: '3.1.0',
    info: { title: 'Layover partner API', version: '1.0.0', description: RECIPE },
    components: {
      schemas: {
        ActivityBody: input(PartnerActivityBody),
        ActivityState: output(PartnerActivityState),
        ErasureBody: input(PartnerErasureBody),
        ErasureResult: output(PartnerErasureResult),
        WebhookEvent: output(PartnerWebhookEvent),
        Error: output(PartnerApiError),
      },
      securitySchemes: {
        partnerSignature: { type: 'apiKey', in: 'header', name: 'X-Layover-Signature', description: RECIPE },
      },
    },
    security: [{ partnerSignature: [] }],
    paths: {
      [`${p}/activities`]: {
        post: {
          operationId: 'reportActivity',
          summary:
            'Report an activity a member did with you (a flight, a purchase, a stay); they earn by its rule.',
          parameters: [...signed, idempotencyKey],
          requestBody: { required: true, content: json({ $ref: '#/components/schemas/ActivityBody' }) },
          responses: {
            '200': state('The same key and body again: the stored state.', replayed),
            '201': state('Credited to the member.'),
            '202': state(
              'No member found yet: kept 90 days and credited when they join or add this email/login.',
            ),
            ...refused,
            '409': error('idempotencyConflict: this key was used with another body.'),
            '422': error('noEarningRule: no earning rule for this activity type.'),
          },
        },
      },
      [`${p}/activities/{id}`]: {
        get: {
          operationId: 'getActivity',
          summary: 'The state of one of your activities.',
          parameters: [...signed, idParam],
          responses: { '200': state('The activity.'), ...refused, '404': error('activityNotFound') },
        },
      },
      [`${p}/activities/{id}/reversal`]: {
        post: {
          operationId: 'reverseActivity',
          summary: 'Reverse an activity (cancelled, refunded): its points come back out of the member.',
          description:
            "The member's balance may go below zero down to your partner limit, no further (422 reversalOverLimit, nothing changes).",
          parameters: [...signed, idempotencyKey, idParam],
          responses: {
            '200': state('Reversed (or already reversed: Idempotent-Replayed: true).', replayed),
            ...refused,
            '404': error('activityNotFound'),
            '422': error('reversalOverLimit, activityDropped'),
          },
        },
      },
      [`${p}/erasure`]: {
        post: {
          operationId: 'erasePerson',
          summary: 'Drop your activities waiting for a member that name this person (a deletion request).',
          parameters: signed,
          requestBody: { required: true, content: json({ $ref: '#/components/schemas/ErasureBody' }) },
          responses: {
            '200': { description: 'Dropped.', content: json({ $ref: '#/components/schemas/ErasureResult' }) },
            ...refused,
          },
        },
      },
      [`${p}/openapi.json`]: {
        get: {
          operationId: 'openApi',
          summary: 'This document (unsigned, any origin may read it).',
          security: [],
          responses: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } },
        },
      },
    },
    webhooks: {
      partnerEvent: {
        post: {
          summary: 'A redemption with you (points transferred to your program), delivered at least once.',
          parameters: [
            ...signed,
            header('X-Layover-Event-Id', 'Deduplicate on this: the same on every retry.'),
          ],
          requestBody: { required: true, content: json({ $ref: '#/components/schemas/WebhookEvent' }) },
          responses: {
            '2XX': { description: 'Received; anything else is retried with backoff (12 attempts).' },
          },
        },
      },
    },
  };
}
