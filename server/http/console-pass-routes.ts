import type { Application } from 'express';
import { passRuleById } from '../../shared/content/pass-rules.ts';
import {
  ConsolePassGrantBody,
  type ConsolePassGrantResponse,
  type MemberPassResponse,
} from '../../shared/protocol/passes.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { requireSession } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { applyPassRule } from '../passes/issue.ts';
import { queueTierChanges } from '../passes/sync.ts';
import { memberPassView } from '../passes/view.ts';
import { recordAudit } from '../team/audit.ts';
import { requireCapability, staffOf } from './console-auth.ts';
import { describeZodError, sendError } from './errors.ts';

/**
 * LoungePasses over HTTP: a member reads their own pass (guests too: a held pass shows before any wallet), and a
 * console owner (support capability) applies a console pass rule (shared/content/pass-rules.ts) to a member, once per member and rule,
 * with a note kept in the account audit. Mounted ahead of the console's /api/console 404.
 */
export function mountConsolePassRoutes(app: Application, ctx: AppContext): void {
  const db = () => ctx.ledger.db;
  const support = requireCapability(ctx, 'support');

  app.get(routes.memberPass.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    const body: MemberPassResponse = { pass: await memberPassView(db(), session.member.id) };
    res.set('cache-control', 'no-store').json(body);
  });

  app.post(routes.consolePassGrant.path, support, async (req, res) => {
    const body = ConsolePassGrantBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalidPassGrant', describeZodError(body.error));
    const rule = passRuleById(body.data.ruleId);
    if (rule?.when !== 'console')
      return sendError(res, 404, 'unknownPassRule', 'no console pass rule has this id');
    const staff = staffOf(res);
    const outcome = await applyPassRule(
      db(),
      body.data.memberId,
      rule,
      { by: 'staff', staffId: staff.memberId, note: body.data.note },
      new Date(ctx.clock.now()),
    );
    if (outcome === 'memberNotFound') return sendError(res, 404, 'memberNotFound', 'no member has this id');
    ctx.logger.info(
      { memberId: body.data.memberId, ruleId: rule.id, outcome, by: staff.address },
      'pass granted',
    );
    // A raise of a pass already minted goes to the chain as setTier now (else the pass round queues it).
    if (outcome === 'upgrading') await queueTierChanges(db(), new Date(ctx.clock.now()));
    if (outcome !== 'alreadyApplied')
      await recordAudit(db(), {
        actor: staff.address,
        action: 'passes.grant',
        target: body.data.memberId,
        after: { ruleId: rule.id, outcome },
      });
    ctx.oracle?.wake();
    const pass = await memberPassView(db(), body.data.memberId);
    if (!pass) throw new Error(`Layover: pass of ${body.data.memberId} missing after a grant`);
    const answer: ConsolePassGrantResponse = { applied: outcome !== 'alreadyApplied', pass };
    res.status(answer.applied ? 201 : 200).json(answer);
  });
}
