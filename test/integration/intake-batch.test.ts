import { createHash, randomUUID } from 'node:crypto';
import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/open.ts';
import { memberNumbers, partnerActivities, pointsMovements } from '../../server/db/points-schema.ts';
import { memberCredentials } from '../../server/db/schema.ts';
import type { RunningLayover } from '../../server/main.ts';
import { type IntakeOutcome, intakeInTx } from '../../server/partners/intake.ts';
import { createBatchedIntake } from '../../server/partners/intake-batch.ts';
import { type BatchItem, intakeBatchInTx } from '../../server/partners/intake-batch-tx.ts';
import { findPartner, type PartnerRecord } from '../../server/partners/registry.ts';
import { balanceOf, memberAccount } from '../../server/points/ledger.ts';
import { PartnerActivityBody } from '../../shared/protocol/partners.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { postJson, startTestLayover } from '../support/layover.ts';

// Group commit of partner activities (PARTNER_INTAKE_BATCH=1) on a real server's ledger (PGlite, or DATABASE_URL's
// PostgreSQL): a batch answers what one-at-a-time intake answers, credits once, and the books still balance.
let layover: RunningLayover;
let skyway: PartnerRecord;
let harbor: PartnerRecord;
const run = randomUUID().slice(0, 8);

beforeAll(async () => {
  layover = await startTestLayover({ databaseUrl: process.env.DATABASE_URL });
  skyway = (await findPartner(db(), 'skyway-air')) as PartnerRecord;
  harbor = (await findPartner(db(), 'harbor-coffee')) as PartnerRecord;
}, 120_000);

afterAll(async () => {
  await layover?.stop();
});

const db = () => layover.ctx.ledger.db;

/** A real guest member with a member number and an email credential. */
async function member(name: string): Promise<{ id: string; number: string; email: string }> {
  const guest = (await postJson(`${layover.url}${routes.guestSignIn.path}`, { name })).body;
  const number = `LO${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;
  const email = `${name.toLowerCase()}-${run}@example.com`;
  await db().insert(memberNumbers).values({ memberId: guest.member.id, number });
  await db()
    .insert(memberCredentials)
    .values({ id: randomUUID(), memberId: guest.member.id, kind: 'email', subject: email });
  return { id: guest.member.id, number, email };
}

function item(partner: PartnerRecord, key: string, body: Record<string, unknown>): BatchItem {
  const raw = JSON.stringify(body);
  return {
    partner,
    request: {
      idempotencyKey: key,
      bodyHash: createHash('sha256').update(raw).digest('hex'),
      body: PartnerActivityBody.parse(body),
    },
  };
}

/** One time for every activity, so the same activity sent twice has the same bytes. */
const occurredAt = new Date(Date.now() - 60_000).toISOString();

const flight = (member: Record<string, string>, units: number) => ({
  type: 'flight',
  member,
  units,
  occurredAt,
  description: `Flight SK ${units}`,
});

/** What a caller sees of an outcome: its kind, and the activity's status and points. */
const seen = (outcome: IntakeOutcome) =>
  'state' in outcome ? [outcome.kind, outcome.state.status, outcome.state.points] : [outcome.kind];

describe('batched partner intake', () => {
  it('answers each item of a mixed batch as the one-at-a-time intake does, and credits each once', async () => {
    const ana = await member('Ana');
    const bo = await member('Bo');
    const items = (prefix: string) => [
      item(skyway, `${prefix}-1`, flight({ memberNumber: ana.number }, 1200)),
      item(skyway, `${prefix}-2`, flight({ email: bo.email }, 800)),
      item(skyway, `${prefix}-3`, flight({ memberNumber: 'LO0000000000' }, 500)),
      item(skyway, `${prefix}-1`, flight({ memberNumber: ana.number }, 1200)),
      item(skyway, `${prefix}-1`, flight({ memberNumber: ana.number }, 999)),
      item(skyway, `${prefix}-4`, { ...flight({ memberNumber: ana.number }, 10), type: 'cruise' }),
      item(skyway, `${prefix}-5`, flight({ externalId: `nobody-${run}` }, 300)),
      item(harbor, `${prefix}-6`, { ...flight({ memberNumber: ana.number }, 4550), type: 'purchase' }),
      item(skyway, `${prefix}-7`, flight({ memberNumber: ana.number }, 0)),
    ];
    const now = new Date();
    const levels = layover.ctx.content.current().questContent.levels;
    const batched = await db().transaction((tx) =>
      intakeBatchInTx(tx as unknown as Db, items(`b-${run}`), now, levels),
    );
    const single: IntakeOutcome[] = [];
    for (const one of items(`s-${run}`))
      single.push(
        await db().transaction((tx) =>
          intakeInTx(tx as unknown as Db, one.partner, one.request, now, levels),
        ),
      );

    expect(batched.map(seen)).toEqual(single.map(seen));
    expect(batched.map((outcome) => outcome.kind)).toEqual([
      'created',
      'created',
      'created',
      'replayed',
      'conflict',
      'noEarningRule',
      'created',
      'created',
      'created',
    ]);
    // Both runs credited Ana 1200 + 455 and Bo 800; nothing for 0 units.
    expect(await balanceOf(db(), memberAccount(ana.id))).toBe(2 * (1200 + 455));
    expect(await balanceOf(db(), memberAccount(bo.id))).toBe(2 * 800);
    const movements = await db()
      .select({ key: pointsMovements.key })
      .from(pointsMovements)
      .where(like(pointsMovements.key, 'partner:%'));
    expect(new Set(movements.map((row) => row.key)).size).toBe(movements.length);
    const total = (await db().execute(
      sql`SELECT coalesce(sum(amount), 0) AS n FROM points_entries`,
    )) as unknown as {
      rows: { n: string | number }[];
    };
    expect(Number(total.rows[0]?.n)).toBe(0);
  });

  it('takes the same activity sent 50 times at once in once, every caller answered with its id', async () => {
    const cy = await member('Cy');
    const intake = createBatchedIntake(layover.ctx);
    const one = item(skyway, `same-${run}`, flight({ memberNumber: cy.number }, 700));
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => intake(one.partner, one.request)));
    const ids = new Set(outcomes.map((outcome) => ('state' in outcome ? outcome.state.id : outcome.kind)));
    expect(ids.size).toBe(1);
    expect(outcomes.filter((outcome) => outcome.kind === 'created')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.kind === 'replayed')).toHaveLength(49);
    const rows = await db()
      .select({ id: partnerActivities.id })
      .from(partnerActivities)
      .where(eq(partnerActivities.idempotencyKey, `same-${run}`));
    expect(rows).toHaveLength(1);
    expect(await balanceOf(db(), memberAccount(cy.id))).toBe(700);
  });

  it('keeps 200 concurrent distinct activities apart: each credited once to its member', async () => {
    const people = await Promise.all(['Di', 'Ed', 'Fay', 'Gus'].map((name) => member(name)));
    const intake = createBatchedIntake(layover.ctx);
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, n) => {
        const one = item(
          skyway,
          `many-${run}-${n}`,
          flight({ memberNumber: people[n % 4]!.number }, 100 + n),
        );
        return intake(one.partner, one.request);
      }),
    );
    expect(outcomes.every((outcome) => outcome.kind === 'created')).toBe(true);
    for (const [i, person] of people.entries()) {
      let expected = 0;
      for (let n = i; n < 200; n += 4) expected += 100 + n;
      expect(await balanceOf(db(), memberAccount(person.id))).toBe(expected);
    }
  });
});
