import { describe, expect, it } from 'vitest';
import { applyDelivery, applyPrizeWon } from '../../client/passport/deliveryUpdates.ts';
import type { DeliveryUpdate, PrizeView, QuestsSnapshot } from '../../shared/protocol/quests.ts';

const TX = `0x${'ab'.repeat(32)}`;
const CLAIM = `0x${'01'.repeat(32)}`;

function snapshot(overrides: Partial<QuestsSnapshot> = {}): QuestsSnapshot {
  return {
    quests: [],
    stamps: [
      {
        stampId: 'first-visit',
        questId: 'first-visit',
        earnedAt: 1_000,
        where: 'lounge/departures-board',
        chain: 'queued',
        txHash: null,
      },
    ],
    prizes: [],
    points: 100,
    status: { level: 'explorer', stamps: 1, next: { level: 'frequent-flyer', minStamps: 3 } },
    ...overrides,
  };
}

const prize: PrizeView = {
  claimId: CLAIM,
  prizeId: 'gold-pass',
  source: 'frequent-flyer',
  wonAt: 5_000,
  state: 'queued',
  txHash: null,
  to: '0x00000000000000000000000000000000000000aa',
};

const update = (partial: Partial<DeliveryUpdate>): DeliveryUpdate => ({
  kind: 'stamp',
  itemId: 'first-visit',
  claimId: CLAIM,
  state: 'minting',
  txHash: TX,
  to: null,
  ...partial,
});

describe('applyDelivery', () => {
  it('moves a stamp token along and keeps its hash once delivered', () => {
    const minting = applyDelivery(snapshot(), update({ state: 'minting' }), 0);
    expect(minting.stamps[0]).toMatchObject({ chain: 'minting', txHash: TX });
    const delivered = applyDelivery(minting, update({ state: 'delivered', txHash: null }), 0);
    expect(delivered.stamps[0]).toMatchObject({ chain: 'delivered', txHash: TX });
  });

  it('drops a stale hash when a token goes back to the queue', () => {
    const minting = applyDelivery(snapshot(), update({ state: 'minting' }), 0);
    const requeued = applyDelivery(minting, update({ state: 'queued', txHash: null }), 0);
    expect(requeued.stamps[0]).toMatchObject({ chain: 'queued', txHash: null });
  });

  it('leaves the snapshot alone for a stamp it does not hold yet', () => {
    const before = snapshot();
    expect(applyDelivery(before, update({ itemId: 'collector' }), 0)).toBe(before);
  });

  it('does not change the snapshot it was given', () => {
    const before = snapshot();
    applyDelivery(before, update({ state: 'delivered' }), 0);
    expect(before.stamps[0]?.chain).toBe('queued');
  });

  it('updates a prize by claim id: state, hash and wallet', () => {
    const withPrize = applyPrizeWon(snapshot(), { ...prize, state: 'held', to: null });
    const to = '0x00000000000000000000000000000000000000bb';
    const next = applyDelivery(withPrize, update({ kind: 'prize', itemId: 'gold-pass', to }), 0);
    expect(next.prizes).toEqual([{ ...prize, state: 'minting', txHash: TX, to }]);
    expect(next.stamps).toBe(withPrize.stamps);
  });

  it('adds a prize whose delivery overtook its prizeWon message', () => {
    const next = applyDelivery(
      snapshot(),
      update({ kind: 'prize', itemId: 'gold-pass', state: 'queued', txHash: null }),
      42,
    );
    expect(next.prizes).toEqual([
      {
        claimId: CLAIM,
        prizeId: 'gold-pass',
        source: '',
        wonAt: 42,
        state: 'queued',
        txHash: null,
        to: null,
      },
    ]);
  });
});

describe('applyPrizeWon', () => {
  it('appends a new prize and replaces a repeated one instead of doubling it', () => {
    const once = applyPrizeWon(snapshot(), prize);
    const twice = applyPrizeWon(once, { ...prize, state: 'minting' });
    expect(twice.prizes).toHaveLength(1);
    expect(twice.prizes[0]?.state).toBe('minting');
    const other = applyPrizeWon(twice, {
      ...prize,
      claimId: `0x${'02'.repeat(32)}`,
      prizeId: 'lounge-day-pass',
    });
    expect(other.prizes.map((p) => p.prizeId)).toEqual(['gold-pass', 'lounge-day-pass']);
  });
});
