import { createHash, randomBytes } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { partners } from '../db/points-schema.ts';

/** A partner as the server reads it to verify a call (the secret included: verifying needs it). */
export interface PartnerRecord {
  id: string;
  name: string;
  secret: string;
  negativeLimit: number;
  webhookUrl: string | null;
  active: boolean;
}

/** A partner as the console lists it: never the secret. */
export type PartnerListing = Omit<PartnerRecord, 'secret'> & { createdAt: Date };

/** What a partner's id looks like: the earning rules and the signature header name it. */
export const PARTNER_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The demo partners seeded on the dev chain, named by the earning rules in shared/content/earning-rules.ts. */
export const DEV_PARTNERS = [
  { id: 'skyway-air', name: 'Skyway Air' },
  { id: 'harbor-coffee', name: 'Harbor Coffee' },
  { id: 'lumen-hotels', name: 'Lumen Hotels' },
] as const;

/** A fresh signing secret: 32 random bytes, base64url. */
function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The dev chain's secret of a demo partner: public by design, like anvil's keys (tests, the README's curl). */
export function devPartnerSecret(id: string): string {
  return createHash('sha256').update(`layover-dev-partner:${id}`).digest('base64url');
}

/** Registers a partner; the secret is answered once here (the console shows it once). Throws on a taken id. */
export async function registerPartner(
  db: Db,
  input: { id: string; name: string; negativeLimit: number; webhookUrl: string | null },
): Promise<{ secret: string }> {
  if (!PARTNER_ID.test(input.id) || input.id.length > 40)
    throw new Error(`Layover: partner id "${input.id}" must be lowercase-dashed, 40 characters at most`);
  if (!Number.isSafeInteger(input.negativeLimit) || input.negativeLimit < 0)
    throw new Error('Layover: a partner negative limit is a non-negative integer');
  const secret = newSecret();
  await db.insert(partners).values({
    id: input.id,
    name: input.name,
    secret,
    negativeLimit: input.negativeLimit,
    webhookUrl: input.webhookUrl,
    active: true,
  });
  return { secret };
}

/** Replaces a partner's secret (the old one stops working at once); undefined for an unknown partner. */
export async function rotatePartnerSecret(db: Db, id: string): Promise<{ secret: string } | undefined> {
  const secret = newSecret();
  const updated = await db
    .update(partners)
    .set({ secret })
    .where(eq(partners.id, id))
    .returning({ id: partners.id });
  return updated.length > 0 ? { secret } : undefined;
}

/** Every partner, for the console: no secrets. */
export async function listPartners(db: Db): Promise<PartnerListing[]> {
  return db
    .select({
      id: partners.id,
      name: partners.name,
      negativeLimit: partners.negativeLimit,
      webhookUrl: partners.webhookUrl,
      active: partners.active,
      createdAt: partners.createdAt,
    })
    .from(partners)
    .orderBy(asc(partners.id));
}

/** One partner with its secret, to verify a call; undefined when unknown. */
export async function findPartner(db: Db, id: string): Promise<PartnerRecord | undefined> {
  const [row] = await db
    .select({
      id: partners.id,
      name: partners.name,
      secret: partners.secret,
      negativeLimit: partners.negativeLimit,
      webhookUrl: partners.webhookUrl,
      active: partners.active,
    })
    .from(partners)
    .where(eq(partners.id, id));
  return row;
}

/** Seeds the demo partners with their dev secrets, once (a later boot leaves them as they are). Dev chain only. */
export async function seedDevPartners(db: Db, chainId: number): Promise<void> {
  if (chainId !== 31337) return;
  await db
    .insert(partners)
    .values(
      DEV_PARTNERS.map((partner) => ({
        id: partner.id,
        name: partner.name,
        secret: devPartnerSecret(partner.id),
        negativeLimit: 1000,
        webhookUrl: null,
        active: true,
      })),
    )
    .onConflictDoNothing({ target: partners.id });
}
