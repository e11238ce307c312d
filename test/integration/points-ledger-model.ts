import { randomUUID } from 'node:crypto';
import type { PointsAccountKind } from '../../server/db/points-schema.ts';
import { BRAND_ACCOUNT, memberAccount, type PostMovementInput } from '../../server/points/ledger.ts';

/** A seeded PRNG (mulberry32): the same seed gives the same run, so a failure replays. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Entries = PostMovementInput['entries'];
export type Operation = {
  label: string;
  input: Omit<PostMovementInput, 'at'>;
  /** An old key posted again (with other amounts): the ledger must ignore it. */
  replay: boolean;
  /** Members whose rows the operation locks, as the real writers do. */
  lock: string[];
};

/** The books as a plain JS model: each account's balance is the sum of the movements applied to it. */
export class Book {
  readonly balances = new Map<string, number>();
  readonly labels = new Set<string>();
  readonly keys: string[] = [];
  readonly purchases: { id: string; memberId: string; cost: number; refunded: boolean }[] = [];
  readonly partnerCredits: {
    key: string;
    memberId: string;
    partnerId: string;
    points: number;
    reversed: boolean;
  }[] = [];
  private readonly history = new Map<string, { code: string; amount: number }[]>();

  apply(operation: Operation): void {
    const { input } = operation;
    this.labels.add(operation.label);
    this.keys.push(input.key);
    for (const { account, amount } of input.entries) {
      const key = `${account.kind}|${account.id}`;
      this.balances.set(key, (this.balances.get(key) ?? 0) + amount);
      if (account.kind !== 'member') continue;
      const lines = this.history.get(account.id) ?? [];
      lines.push({ code: input.reason.code, amount });
      this.history.set(account.id, lines);
    }
  }

  balance(memberId: string): number {
    return this.balances.get(`member|${memberId}`) ?? 0;
  }

  movementsOf(memberId: string): { code: string; amount: number }[] {
    return this.history.get(memberId) ?? [];
  }

  totalsByKind(): Record<PointsAccountKind, number> {
    const totals: Record<PointsAccountKind, number> = {
      member: 0,
      brand: 0,
      partner: 0,
      expiry: 0,
      catalogue: 0,
      erased: 0,
    };
    for (const [key, amount] of this.balances) totals[key.split('|')[0] as PointsAccountKind] += amount;
    return totals;
  }
}

const PARTNERS = ['skyway-air', 'harbor-coffee', 'lumen-hotels'];

/** One random operation on the book: earn, partner credit or reversal, spend, refund, expiry, adjustment, merge, replay. */
export function randomOperation(
  random: () => number,
  book: Book,
  members: string[],
  step: number,
): Operation {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const move = (
    label: string,
    kind: PostMovementInput['kind'],
    key: string,
    entries: Entries,
    params: Record<string, string | number> = {},
    extra: Partial<PostMovementInput> = {},
  ): Operation => ({
    label,
    replay: false,
    lock: entries.flatMap(({ account }) => (account.kind === 'member' ? [account.id] : [])),
    input: { key, kind, reason: { code: kind, params }, entries, ...extra },
  });
  const member = pick(members);
  const funded = members.filter((id) => book.balance(id) > 0);
  const roll = random();
  if (roll < 0.12 && book.keys.length > 0) {
    const points = int(1, 999);
    return {
      ...move('replay', 'adjustment', pick(book.keys), [
        { account: memberAccount(member), amount: points },
        { account: BRAND_ACCOUNT, amount: -points },
      ]),
      replay: true,
    };
  }
  if (roll < 0.3) {
    const points = int(1, 500);
    return move('earn', random() < 0.5 ? 'quest' : 'earn', `earn:${randomUUID()}:rule`, [
      { account: memberAccount(member), amount: points },
      { account: BRAND_ACCOUNT, amount: -points },
    ]);
  }
  if (roll < 0.42) {
    const partnerId = pick(PARTNERS);
    const points = int(1, 2000);
    const key = `partner:${randomUUID()}`;
    book.partnerCredits.push({ key, memberId: member, partnerId, points, reversed: false });
    const entries = [
      { account: memberAccount(member), amount: points },
      { account: { kind: 'partner' as const, id: partnerId }, amount: -points },
    ];
    return move('partner', 'partner', key, entries, { partner: partnerId, description: 'x' }, { partnerId });
  }
  const credit = book.partnerCredits.find((candidate) => !candidate.reversed && random() < 0.3);
  if (roll < 0.48 && credit) {
    credit.reversed = true;
    return move(
      'partnerReversal',
      'partnerReversal',
      `${credit.key}:reversal`,
      [
        { account: memberAccount(credit.memberId), amount: -credit.points },
        { account: { kind: 'partner', id: credit.partnerId }, amount: credit.points },
      ],
      { partner: credit.partnerId, description: 'x' },
      { partnerId: credit.partnerId },
    );
  }
  if (roll < 0.62 && funded.length > 0) {
    const buyer = pick(funded);
    const cost = int(1, book.balance(buyer));
    const id = randomUUID();
    book.purchases.push({ id, memberId: buyer, cost, refunded: false });
    return move('purchase', 'purchase', `purchase:${id}`, [
      { account: memberAccount(buyer), amount: -cost },
      { account: { kind: 'catalogue', id: 'catalogue' }, amount: cost },
    ]);
  }
  const purchase = book.purchases.find((candidate) => !candidate.refunded && random() < 0.4);
  if (roll < 0.7 && purchase) {
    purchase.refunded = true;
    return move('refund', 'refund', `refund:${purchase.id}`, [
      { account: { kind: 'catalogue', id: 'catalogue' }, amount: -purchase.cost },
      { account: memberAccount(purchase.memberId), amount: purchase.cost },
    ]);
  }
  if (roll < 0.8 && funded.length > 0) {
    const holder = pick(funded);
    const points = int(1, book.balance(holder));
    return move('expiry', 'expiry', `expiry:${holder}:${step}`, [
      { account: memberAccount(holder), amount: -points },
      { account: { kind: 'expiry', id: 'expiry' }, amount: points },
    ]);
  }
  if (roll < 0.9 && funded.length > 0) {
    const from = pick(funded);
    const to = pick(members.filter((id) => id !== from));
    const points = book.balance(from);
    return move('merge', 'merge', `merge:${from}:${to}:${step}`, [
      { account: memberAccount(from), amount: -points },
      { account: memberAccount(to), amount: points },
    ]);
  }
  const points = int(1, 300) * (book.balance(member) > 300 && random() < 0.5 ? -1 : 1);
  return move(
    'adjustment',
    'adjustment',
    `adjust:${randomUUID()}`,
    [
      { account: memberAccount(member), amount: points },
      { account: BRAND_ACCOUNT, amount: -points },
    ],
    { note: 'goodwill' },
    { createdBy: 'member:staff' },
  );
}
