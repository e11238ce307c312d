import { describe, expect, it } from 'vitest';
import { availability } from '../../client/passport/points/availability.ts';
import { pointsErrorKey, retryable } from '../../client/passport/points/pointsErrors.ts';
import {
  initialPurchaseFlow,
  type PurchaseAction,
  type PurchaseFlow,
  purchaseReducer,
} from '../../client/passport/points/purchaseFlow.ts';

type Bought = { id: string };
const run = (actions: PurchaseAction<Bought>[], from = initialPurchaseFlow<Bought>()) =>
  actions.reduce<PurchaseFlow<Bought>>(purchaseReducer, from);
const sentId = (flow: PurchaseFlow<Bought>) => (flow.view.step === 'buying' ? flow.view.purchaseId : null);

describe('purchase flow: one purchaseId per Buy, kept across retries', () => {
  it('confirms before buying, then shows the purchase', () => {
    const confirming = run([{ type: 'choose', itemId: 'coffee', newId: 'id-1' }]);
    expect(confirming.view).toEqual({ step: 'confirm', itemId: 'coffee', purchaseId: 'id-1' });
    const buying = run([{ type: 'confirm' }], confirming);
    expect(sentId(buying)).toBe('id-1');
    const done = run([{ type: 'succeeded', purchase: { id: 'id-1' } }], buying);
    expect(done.view).toEqual({ step: 'done', itemId: 'coffee', purchase: { id: 'id-1' } });
    expect(done.unsettled).toBeNull();
  });

  it('retries a lost answer with the same id, so the server can answer the first purchase', () => {
    const failed = run([
      { type: 'choose', itemId: 'coffee', newId: 'id-1' },
      { type: 'confirm' },
      { type: 'failed', code: 'network' },
    ]);
    expect(failed.view).toMatchObject({ step: 'failed', code: 'network', purchaseId: 'id-1' });
    expect(sentId(run([{ type: 'retry' }], failed))).toBe('id-1');
  });

  it('reuses the unsettled id when the member cancels and presses Buy on the same item again', () => {
    const again = run([
      { type: 'choose', itemId: 'coffee', newId: 'id-1' },
      { type: 'confirm' },
      { type: 'failed', code: 'internal' },
      { type: 'cancel' },
      { type: 'choose', itemId: 'coffee', newId: 'id-2' },
      { type: 'confirm' },
    ]);
    expect(sentId(again)).toBe('id-1');
  });

  it('takes a fresh id for a new purchase after one went through, and for another item', () => {
    const second = run([
      { type: 'choose', itemId: 'coffee', newId: 'id-1' },
      { type: 'confirm' },
      { type: 'succeeded', purchase: { id: 'id-1' } },
      { type: 'choose', itemId: 'coffee', newId: 'id-2' },
      { type: 'confirm' },
    ]);
    expect(sentId(second)).toBe('id-2');
    const other = run([
      { type: 'choose', itemId: 'coffee', newId: 'id-1' },
      { type: 'cancel' },
      { type: 'choose', itemId: 'raffle', newId: 'id-3' },
      { type: 'confirm' },
    ]);
    expect(sentId(other)).toBe('id-3');
  });

  it('ignores a second click while a purchase is on its way', () => {
    const buying = run([{ type: 'choose', itemId: 'coffee', newId: 'id-1' }, { type: 'confirm' }]);
    expect(run([{ type: 'confirm' }], buying)).toBe(buying);
    expect(run([{ type: 'choose', itemId: 'coffee', newId: 'id-9' }], buying)).toBe(buying);
    expect(run([{ type: 'cancel' }], buying)).toBe(buying);
    expect(run([{ type: 'retry' }], buying)).toBe(buying);
  });

  it('drops answers that arrive when no purchase is on its way', () => {
    const idle = initialPurchaseFlow<Bought>();
    expect(run([{ type: 'succeeded', purchase: { id: 'x' } }], idle)).toBe(idle);
    expect(run([{ type: 'failed', code: 'network' }], idle)).toBe(idle);
  });
});

describe('purchase errors and availability', () => {
  it('translates every refusal, and offers a retry only where it can help', () => {
    expect(pointsErrorKey('insufficientPoints')).toBe('points.error.insufficientPoints');
    expect(pointsErrorKey('soldOut')).toBe('points.error.soldOut');
    expect(pointsErrorKey('purchaseLimit')).toBe('points.error.purchaseLimit');
    expect(pointsErrorKey('unknownItem')).toBe('points.error.unknownItem');
    expect(pointsErrorKey('itemUnavailable')).toBe('points.error.itemUnavailable');
    expect(retryable('itemUnavailable')).toBe(true);
    expect(pointsErrorKey('rateLimited')).toBe('points.error.rateLimited');
    expect(pointsErrorKey('network')).toBe('points.error.network');
    expect(pointsErrorKey('somethingNew')).toBe('points.error.other');
    expect(retryable('network')).toBe(true);
    expect(retryable('soldOut')).toBe(false);
  });

  it('says why an item cannot be bought now', () => {
    const entry = { id: 'coffee', cost: 300, left: 5, perMemberLimit: 2, bought: 0, affordable: true };
    expect(availability(entry, 300)).toEqual({ kind: 'available' });
    expect(availability(entry, 120)).toEqual({ kind: 'short', missing: 180 });
    expect(availability({ ...entry, left: 0 }, 1000)).toEqual({ kind: 'soldOut' });
    expect(availability({ ...entry, bought: 2 }, 1000)).toEqual({ kind: 'limit' });
    expect(availability({ ...entry, left: null }, 300)).toEqual({ kind: 'available' });
  });
});

describe('purchase flow after the server refuses the id itself', () => {
  it('starts the next Buy from a fresh id', () => {
    const next = run([
      { type: 'choose', itemId: 'coffee', newId: 'id-1' },
      { type: 'confirm' },
      { type: 'failed', code: 'purchaseIdConflict' },
      { type: 'cancel' },
      { type: 'choose', itemId: 'coffee', newId: 'id-2' },
      { type: 'confirm' },
    ]);
    expect(sentId(next)).toBe('id-2');
    expect(retryable('purchaseIdConflict')).toBe(false);
    expect(pointsErrorKey('purchaseIdConflict')).toBe('points.error.purchaseIdConflict');
  });
});
