import type { Application, Request, Response } from 'express';
import { CHECKIN_LOOKUPS_PER_MINUTE, CheckinBody } from '../../shared/protocol/checkin.ts';
import { normalisePerkCode } from '../../shared/protocol/perks.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { bearerToken, hashToken } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import { accountAudit } from '../db/schema.ts';
import { PERK_BRAND } from '../perks/brand.ts';
import { type CheckinRefusal, findPerk, markPerkUsed } from '../perks/checkin.ts';
import { recordAudit } from '../team/audit.ts';
import { requireCapability, staffOf } from './console-auth.ts';
import { describeZodError, sendError } from './errors.ts';

const REFUSALS: Record<CheckinRefusal, [number, string]> = {
  invalidCode: [400, 'a perk code has 16 letters and digits (dashes and spaces are ignored)'],
  unknownCode: [404, 'no perk has this code'],
  wrongBrand: [422, 'this code was issued by another brand'],
};

/** Several desks (phones) under one staff account share this many tries a minute between them. */
const STAFF_TRIES_PER_MINUTE = CHECKIN_LOOKUPS_PER_MINUTE * 3;

/**
 * The desk's check-in: any console staff role (host or admin today) looks a perk code up and marks it used. Every
 * lookup, and every use that names no perk, counts against the staff session's limit (and the staff member's), so
 * guessing codes is slow as well as hopeless; each action is written to account_audit, and the use that changes a
 * perk to the team's audit_log (checkin.use) with the console's other changes. Mounted ahead of the
 * console's /api/console 404; runs the host check itself when that guard has not run yet.
 */
export function mountConsoleCheckinRoutes(app: Application, ctx: AppContext): void {
  const db = () => ctx.ledger.db;
  const checkin = requireCapability(ctx, 'checkin');
  const perSession = new MinuteWindow(CHECKIN_LOOKUPS_PER_MINUTE);
  const perStaff = new MinuteWindow(STAFF_TRIES_PER_MINUTE);
  const warned = new MinuteWindow(1);
  const keys = (req: Request, res: Response) => ({
    session: hashToken(bearerToken(req.get('authorization')) ?? ''),
    staff: staffOf(res).memberId,
  });
  /**
   * Takes one try of this session and staff member (checked and counted in one step, so concurrent calls cannot
   * overrun it) and returns its release; undefined, with 429 sent, when none is left this minute.
   */
  const take = (req: Request, res: Response): (() => void) | undefined => {
    const now = ctx.clock.now();
    const key = keys(req, res);
    if (perSession.full(key.session, now) || perStaff.full(key.staff, now)) {
      if (!warned.full(key.staff, now)) {
        warned.add(key.staff, now);
        ctx.logger.warn({ staff: key.staff }, 'check-in tries over the limit (logged once a minute)');
      }
      res.set('retry-after', '60');
      sendError(res, 429, 'rateLimited', `at most ${CHECKIN_LOOKUPS_PER_MINUTE} tries a minute per session`);
      return undefined;
    }
    perSession.add(key.session, now);
    perStaff.add(key.staff, now);
    return () => {
      perSession.remove(key.session, now);
      perStaff.remove(key.staff, now);
    };
  };

  app.post(routes.consoleCheckinLookup.path, checkin, async (req, res) => {
    res.set('cache-control', 'no-store');
    const body = CheckinBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalidCode', describeZodError(body.error));
    if (!take(req, res)) return;
    const scope = {
      brand: PERK_BRAND,
      locale: body.data.locale,
      now: new Date(ctx.clock.now()),
      prizes: ctx.content.current().bundle.prizes,
    };
    const found = await findPerk(db(), body.data.code, scope);
    await audit(db(), staffOf(res).memberId, 'perkLookup', found.ok ? found.row.memberId : null, {
      code: normalisePerkCode(body.data.code),
      result: found.ok ? found.perk.state : found.refusal,
      ...(found.ok ? { perkId: found.row.id } : {}),
    });
    if (!found.ok) return sendError(res, ...refusal(found.refusal));
    res.json({ perk: found.perk });
  });

  app.post(routes.consoleCheckinUse.path, checkin, async (req, res) => {
    res.set('cache-control', 'no-store');
    const body = CheckinBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalidCode', describeZodError(body.error));
    const release = take(req, res);
    if (!release) return;
    const staff = staffOf(res);
    const scope = {
      brand: PERK_BRAND,
      locale: body.data.locale,
      now: new Date(ctx.clock.now()),
      prizes: ctx.content.current().bundle.prizes,
    };
    const outcome = await db().transaction(async (tx) => {
      const marked = await markPerkUsed(tx, body.data.code, staff.address, scope);
      await audit(tx, staff.memberId, 'perkUse', marked.ok ? marked.row.memberId : null, {
        code: normalisePerkCode(body.data.code),
        result: marked.ok ? marked.result : marked.refusal,
        ...(marked.ok ? { perkId: marked.row.id } : {}),
      });
      // The one use that changed the perk goes into the team's audit log with the console's other changes.
      if (marked.ok && marked.result === 'marked')
        await recordAudit(tx, {
          actor: staff.address,
          action: 'checkin.use',
          target: `perk:${marked.row.id}`,
          before: { state: 'ready' },
          after: { state: 'used', usedAt: marked.perk.usedAt, memberId: marked.row.memberId },
        });
      return marked;
    });
    if (!outcome.ok) return sendError(res, ...refusal(outcome.refusal));
    // A use that named a perk was no guess: it gives its try back.
    release();
    if (outcome.result === 'marked')
      ctx.logger.info({ perkId: outcome.row.id, by: staff.address }, 'perk checked in');
    res.json({ result: outcome.result, perk: outcome.perk });
  });
}

function refusal(code: CheckinRefusal): [number, string, string] {
  const [status, detail] = REFUSALS[code];
  return [status, code, detail];
}

/** One staff action in the account audit trail (ids and the normalised code only). */
async function audit(
  db: Db,
  actorMemberId: string,
  action: 'perkLookup' | 'perkUse',
  memberId: string | null,
  detail: Record<string, unknown>,
): Promise<void> {
  await db.insert(accountAudit).values({ actorMemberId, action, memberId, detail });
}

/** Tries per key in the last 60 s (timestamps kept per key), forgetting the longest-idle keys past `maxKeys`. */
class MinuteWindow {
  private readonly tries = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly maxKeys = 10_000,
  ) {}

  full(key: string, now: number): boolean {
    return this.recent(key, now).length >= this.limit;
  }

  add(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.tries.delete(key);
    this.tries.set(key, recent);
    if (this.tries.size > this.maxKeys) this.tries.delete(this.tries.keys().next().value as string);
  }

  remove(key: string, at: number): void {
    const recent = this.tries.get(key);
    const index = recent?.indexOf(at) ?? -1;
    if (recent && index >= 0) recent.splice(index, 1);
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.tries.get(key) ?? []).filter((at) => at > now - 60_000);
    if (kept.length > 0) this.tries.set(key, kept);
    else this.tries.delete(key);
    return kept;
  }
}
