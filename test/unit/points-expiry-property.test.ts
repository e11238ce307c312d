import { describe, expect, it } from 'vitest';
import { pick, seededRandom } from '../../server/domain/games/random.ts';
import { type ExpiryLine, expiryState } from '../../server/domain/points/expiry.ts';

// seededRandom is mulberry32: every schedule below is reproduced from its seed.

const DAY_MS = 86_400_000;

/** The brute-force model's calendar, by string arithmetic on YYYY-MM-DD, independent of the code under test. */
function lastDayIso(earnedMs: number, months: number): string {
  const [y, m, d] = new Date(earnedMs).toISOString().slice(0, 10).split('-').map(Number) as [
    number,
    number,
    number,
  ];
  const index = m - 1 + months;
  const year = y + Math.floor(index / 12);
  const month = (index % 12) + 1;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const day = Math.min(d, lengths[month - 1] as number);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A member's points lot by lot: spends eat the oldest lot, a deficit eats the next credits, runs expire lots. */
class LotModel {
  lots: { amount: number; lastDay: string }[] = [];
  deficit = 0;
  credits = 0;
  consumed = 0;
  expired = 0;
  constructor(private readonly months: number) {}
  earn(amount: number, at: number): void {
    this.credits += amount;
    const paid = Math.min(this.deficit, amount);
    this.deficit -= paid;
    this.consumed += paid;
    if (amount > paid) this.lots.push({ amount: amount - paid, lastDay: lastDayIso(at, this.months) });
  }
  spend(amount: number): void {
    let left = amount;
    while (left > 0 && this.lots.length > 0) {
      const lot = this.lots[0] as { amount: number };
      const taken = Math.min(lot.amount, left);
      lot.amount -= taken;
      left -= taken;
      this.consumed += taken;
      if (lot.amount === 0) this.lots.shift();
    }
    this.deficit += left;
  }
  run(now: number): number {
    const today = new Date(now).toISOString().slice(0, 10);
    const gone = this.lots.filter((lot) => lot.lastDay < today).reduce((sum, lot) => sum + lot.amount, 0);
    this.lots = this.lots.filter((lot) => lot.lastDay >= today);
    this.expired += gone;
    return gone;
  }
  next(): { amount: number; on: string } | null {
    const first = this.lots.map((lot) => lot.lastDay).sort()[0];
    if (!first) return null;
    const amount = this.lots.filter((lot) => lot.lastDay === first).reduce((sum, lot) => sum + lot.amount, 0);
    return { amount, on: first };
  }
  balance(): number {
    return this.lots.reduce((sum, lot) => sum + lot.amount, 0) - this.deficit;
  }
}

type Step = { at: number; kind: 'earn' | 'spend' | 'run'; amount: number };

/** About a year and a half of random earning and spending, with a run on each month's first day and a few more. */
function schedule(random: () => number): Step[] {
  const start = Date.UTC(2027, pick(random, 12), 1 + pick(random, 31), pick(random, 24));
  const days = 365 + pick(random, 200);
  const steps: Step[] = [];
  for (let i = 0; i < 20 + pick(random, 120); i++) {
    const at = start + Math.floor(random() * days * DAY_MS);
    const earn = random() < 0.6;
    steps.push({ at, kind: earn ? 'earn' : 'spend', amount: 1 + pick(random, earn ? 500 : 300) });
  }
  for (let month = 0; month <= days / 28; month++) {
    const first = new Date(start);
    const at = Date.UTC(
      first.getUTCFullYear(),
      first.getUTCMonth() + month,
      1,
      pick(random, 24),
      pick(random, 60),
    );
    steps.push({ at, kind: 'run', amount: 0 });
    if (random() < 0.2) steps.push({ at: at + pick(random, 20) * DAY_MS, kind: 'run', amount: 0 });
  }
  return steps.sort((a, b) => a.at - b.at || (a.kind === 'run' ? 1 : 0) - (b.kind === 'run' ? 1 : 0));
}

describe('FIFO expiry against a lot-by-lot model', () => {
  it.each(Array.from({ length: 300 }, (_, seed) => seed + 1))(
    'matches the model with runs (seed %i)',
    (seed) => {
      const random = seededRandom(seed, 19);
      const rule = { months: [1, 2, 3, 6, 12][pick(random, 5)] as number, noticeDays: pick(random, 45) };
      const model = new LotModel(rule.months);
      const ledger: ExpiryLine[] = [];
      for (const step of schedule(random)) {
        if (step.kind === 'earn') {
          model.earn(step.amount, step.at);
          ledger.push({ amount: step.amount, at: step.at });
        } else if (step.kind === 'spend') {
          // Mostly within the balance; sometimes beyond it, as a partner's reversal may go.
          const amount = random() < 0.85 ? Math.min(step.amount, Math.max(0, model.balance())) : step.amount;
          if (amount === 0) continue;
          model.spend(amount);
          ledger.push({ amount: -amount, at: step.at });
        } else {
          const balance = ledger.reduce((sum, line) => sum + line.amount, 0);
          const state = expiryState(ledger, step.at, rule);
          expect(state.expireNow).toBe(model.run(step.at));
          expect(state.expireNow).toBeLessThanOrEqual(Math.max(0, balance));
          expect(state.next).toEqual(model.next());
          if (state.next) {
            const daysLeft =
              (Date.parse(state.next.on) - Date.parse(new Date(step.at).toISOString().slice(0, 10))) / DAY_MS;
            expect(state.noticeDue).toBe(daysLeft <= rule.noticeDays);
          } else expect(state.noticeDue).toBe(false);
          if (state.expireNow > 0) ledger.push({ amount: -state.expireNow, at: step.at });
          const again = expiryState(ledger, step.at, rule);
          expect(again.expireNow).toBe(0);
          expect(again.next).toEqual(state.next);
          expect(model.expired + model.consumed).toBeLessThanOrEqual(model.credits);
        }
        expect(ledger.reduce((sum, line) => sum + line.amount, 0)).toBe(model.balance());
      }
    },
  );

  it('gives the same answer whatever order the lines come in', () => {
    const random = seededRandom(7, 19);
    const lines: ExpiryLine[] = schedule(random)
      .filter((step) => step.kind !== 'run')
      .map((step) => ({ amount: step.kind === 'earn' ? step.amount : -step.amount, at: step.at }));
    const now = Date.UTC(2029, 0, 1);
    const rule = { months: 6, noticeDays: 30 };
    const expected = expiryState(lines, now, rule);
    const reversed = expiryState([...lines].reverse(), now, rule);
    expect(reversed).toEqual(expected);
  });
});
