import { Client, type Room } from '@colyseus/sdk';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passGrants } from '../../server/db/passes-schema.ts';
import { memberNumbers } from '../../server/db/points-schema.ts';
import { memberStamps } from '../../server/db/schema.ts';
import type { RunningLayover } from '../../server/main.ts';
import { createBatchedIntake } from '../../server/partners/intake-batch.ts';
import { findPartner, type PartnerRecord } from '../../server/partners/registry.ts';
import { applyRulesFor } from '../../server/passes/rules.ts';
import { passRound } from '../../server/passes/service.ts';
import { balanceOf, memberAccount } from '../../server/points/ledger.ts';
import { type PassRule, passRuleById } from '../../shared/content/pass-rules.ts';
import { PartnerActivityBody } from '../../shared/protocol/partners.ts';
import type { QuestsSnapshot } from '../../shared/protocol/quests.ts';
import { routes } from '../../shared/protocol/routes.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { startTestLayover, waitFor } from '../support/layover.ts';
import { devPartnerSecret, partnerFetch } from '../support/partner.ts';

// A status threshold and a quest published at run time (no restart) reach every status path: the member's own
// status (GET /api/members/me), the pass rules' round, a partner's tier bonus (one by one and batched) and the
// points notice in the member's room. Replays keep what was first answered; a guest cannot publish.
let layover: RunningLayover;
let room: Room<unknown, LoungeState> | undefined;
const run = `${Date.now()}`;
const label = { en: 'Say hello', 'zh-Hant': '打招呼', 'zh-Hans': '打招呼', vi: 'Chào hỏi' };

beforeAll(async () => {
  layover = await startTestLayover();
}, 120_000);

afterAll(async () => {
  await room?.leave().catch(() => undefined);
  await layover?.stop();
});

const db = () => layover.ctx.ledger.db;

async function api(method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${layover.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: bodies are checked by the expectations
  return { status: response.status, body: (await response.json()) as any };
}

/** A guest holding these seed stamps and a member number a partner names them by. */
async function traveller(name: string, stampIds: readonly string[]) {
  const guest = await fetch(`${layover.url}${routes.guestSignIn.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  }).then((response) => response.json() as Promise<{ token: string; member: { id: string } }>);
  const memberId = guest.member.id;
  for (const stampId of stampIds)
    await db()
      .insert(memberStamps)
      .values({
        memberId,
        stampId,
        questId: 'seeded',
        earnedAt: new Date(),
        eventId: `seed:${memberId}:${stampId}`,
        place: 'lounge',
      });
  const number = `LO${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;
  await db().insert(memberNumbers).values({ memberId, number });
  return { token: guest.token, memberId, number };
}

const flight = (number: string, units: number) => ({
  type: 'flight',
  member: { memberNumber: number },
  units,
  occurredAt: new Date().toISOString(),
  description: `SKY ${units}`,
});

const fly = (key: string, body: unknown) =>
  partnerFetch(layover.url, {
    partnerId: 'skyway-air',
    secret: devPartnerSecret('skyway-air'),
    method: 'POST',
    path: routes.partnerActivities.path,
    body,
    idempotencyKey: key,
  });

const grantsOf = (memberId: string, ruleId: string) =>
  db()
    .select()
    .from(passGrants)
    .where(and(eq(passGrants.memberId, memberId), eq(passGrants.ruleId, ruleId)));

describe('published status levels and quests, read at use time', () => {
  it('moves member status, pass rules, partner tier bonus and the points notice to the new version', async () => {
    // Four stamps, Collector's among them (joining settles that quest: no fifth stamp).
    const ana = await traveller('Ana', ['first-visit', 'frequent-flyer', 'winter-lights', 'collector']);
    room = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', { token: ana.token });
    const seen: QuestsSnapshot[] = [];
    room.onMessage('quests', (snapshot: QuestsSnapshot) => seen.push(snapshot));
    await waitFor(() => seen.length > 0, 5_000, 'the first snapshot');

    // Seed version: four stamps are Frequent Flyer (+25%); Jetsetter (six) and its gold pass out of reach.
    const before = await api('GET', routes.me.path, ana.token);
    expect(before.status).toBe(200);
    expect(before.body.status).toMatchObject({ level: 'frequent-flyer', stamps: 4 });
    await passRound(layover.ctx);
    expect(await grantsOf(ana.memberId, 'jetsetter-gold')).toEqual([]);
    const first = flight(ana.number, 1_000);
    expect((await fly(`${run}-1`, first)).body).toMatchObject({ status: 'credited', points: 1_250 });

    // A guest session is refused the publish; nothing changes.
    const version = layover.ctx.content.current().version;
    const refused = await api('POST', routes.consolePublishContent.path, ana.token, { baseVersion: version });
    expect(refused.status).toBe(403);
    expect(layover.ctx.content.current().version).toBe(version);

    const current = layover.ctx.content.current().bundle;
    const jetsetter = current.statusLevels.find((level) => level.id === 'jetsetter');
    const published = await layover.ctx.content.publish({
      baseVersion: version,
      by: 'published-status test',
      changes: [
        { kind: 'status', id: 'jetsetter', body: { ...jetsetter, minStamps: 4 } },
        {
          kind: 'quest',
          id: 'say-hello',
          body: {
            id: 'say-hello',
            title: label,
            description: label,
            steps: [{ id: 'hello', kind: 'chat', label, count: 2 }],
            rewards: { stamps: [], points: 10, prizes: [] },
          },
        },
      ],
    });
    expect(published).toMatchObject({ ok: true, version: version + 1 });

    // The member's status route: Jetsetter at four stamps, and the new quest.
    const after = await api('GET', routes.me.path, ana.token);
    expect(after.body.status.level).toBe('jetsetter');
    expect(after.body.quests.map((quest: { id: string }) => quest.id)).toContain('say-hello');

    // Partner intake, one by one: Jetsetter's +50%; the notice in the room carries the new version.
    const notices = seen.length;
    expect((await fly(`${run}-2`, flight(ana.number, 1_000))).body).toMatchObject({ points: 1_500 });
    const balance = await balanceOf(db(), memberAccount(ana.memberId));
    const notice = await waitFor(
      () => seen.slice(notices).find((snapshot) => snapshot.points === balance),
      5_000,
      'the points notice',
    );
    expect(notice.status.level).toBe('jetsetter');
    expect(notice.quests.map((quest) => quest.id)).toContain('say-hello');
    // A replay of the activity sent before the publish answers what it was credited with then.
    expect((await fly(`${run}-1`, first)).body).toMatchObject({ points: 1_250 });

    // The batched intake reads the same version.
    const skyway = (await findPartner(db(), 'skyway-air')) as PartnerRecord;
    const batched = flight(ana.number, 400);
    const outcome = await createBatchedIntake(layover.ctx)(skyway, {
      idempotencyKey: `${run}-3`,
      bodyHash: 'published-status-batched',
      body: PartnerActivityBody.parse(batched),
    });
    expect(outcome).toMatchObject({ kind: 'created', state: { points: 600 } });

    // Pass rules: the round grants Jetsetter's gold pass now, once.
    await passRound(layover.ctx);
    expect(await grantsOf(ana.memberId, 'jetsetter-gold')).toHaveLength(1);
    await passRound(layover.ctx);
    expect(await grantsOf(ana.memberId, 'jetsetter-gold')).toHaveLength(1);
  }, 60_000);

  it('grants no status pass whose level the published content does not have', async () => {
    const bo = await traveller('Bo', []);
    const { levels } = layover.ctx.content.current().questContent;
    const rule = passRuleById('frequent-flyer-silver') as PassRule;
    const without = levels.filter((level) => level.id !== 'frequent-flyer');
    expect(await applyRulesFor(db(), bo.memberId, Date.now(), without, [rule])).toEqual({});
    expect(await grantsOf(bo.memberId, 'frequent-flyer-silver')).toEqual([]);
  });
});
