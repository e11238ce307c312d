// Group commit for the partner intake: many activities per transaction, the same answers as one at a time.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/open.ts';
import { notifyPointsChanged } from '../points/notify.ts';
import { type IntakeOutcome, type IntakeRequest, receiveActivity } from './intake.ts';
import { type BatchItem, intakeBatchInTx } from './intake-batch-tx.ts';
import type { PartnerRecord } from './registry.ts';

/** Most activities written in one transaction. */
export const INTAKE_BATCH_MAX = 64;
/** Batches being written at once (each holds one pooled connection); the next waits and grows meanwhile. */
export const INTAKE_BATCHES_IN_FLIGHT = 4;

/** What an intake reads: the ledger, presence to tell members, and the published status levels (tier bonus). */
type IntakeContext = Pick<AppContext, 'ledger' | 'presence' | 'logger' | 'clock' | 'content'>;

/** An intake: same answers as `receiveActivity`, many activities per transaction. */
export type Intake = (partner: PartnerRecord, request: IntakeRequest) => Promise<IntakeOutcome>;

interface Waiting extends BatchItem {
  resolve: (outcome: IntakeOutcome) => void;
  reject: (error: unknown) => void;
}

/** Writes one batch; if its transaction fails, each item goes again on its own so one bad item fails alone. */
async function runBatch(ctx: IntakeContext, batch: Waiting[]) {
  const now = new Date(ctx.clock.now());
  const { levels } = ctx.content.current().questContent;
  let outcomes: IntakeOutcome[];
  try {
    outcomes = await ctx.ledger.db.transaction((tx) =>
      intakeBatchInTx(tx as unknown as Db, batch, now, levels),
    );
  } catch {
    await Promise.all(
      batch.map((item) => receiveActivity(ctx, item.partner, item.request).then(item.resolve, item.reject)),
    );
    return;
  }
  for (const [index, item] of batch.entries()) item.resolve(outcomes[index] as IntakeOutcome);
  // After the answers, before this batch's slot frees: the passports move, and notifying never outruns the intake.
  const credited = new Set<string>();
  for (const outcome of outcomes)
    if (outcome.kind === 'created' && outcome.memberId && outcome.state.points > 0)
      credited.add(outcome.memberId);
  await Promise.all([...credited].map((memberId) => notifyPointsChanged(ctx, memberId)));
}

/**
 * Group commit: a request arriving while INTAKE_BATCHES_IN_FLIGHT batches are being written waits, with every other
 * one arriving meanwhile, for the next batch (at most INTAKE_BATCH_MAX); an idle intake writes a request at once.
 */
export function createBatchedIntake(ctx: IntakeContext): Intake {
  const queue: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;
  const pump = () => {
    scheduled = false;
    while (inFlight < INTAKE_BATCHES_IN_FLIGHT && queue.length > 0) {
      inFlight++;
      void runBatch(ctx, queue.splice(0, INTAKE_BATCH_MAX)).finally(() => {
        inFlight--;
        pump();
      });
    }
  };
  return (partner, request) =>
    new Promise<IntakeOutcome>((resolve, reject) => {
      queue.push({ partner, request, resolve, reject });
      // After this turn of the event loop: every request read in the same turn joins the same batch.
      if (!scheduled) {
        scheduled = true;
        setImmediate(pump);
      }
    });
}

/** The intake the partner route uses: batched with PARTNER_INTAKE_BATCH=1, else one transaction per activity. */
export function partnerIntake(ctx: IntakeContext & Pick<AppContext, 'config'>): Intake {
  return ctx.config.partnerIntakeBatch
    ? createBatchedIntake(ctx)
    : (partner, request) => receiveActivity(ctx, partner, request);
}
