import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CatalogueCard } from '../../client/passport/points/CatalogueCard.tsx';
import { PointsCard } from '../../client/passport/points/PointsCard.tsx';
import { PointsHistory } from '../../client/passport/points/PointsHistory.tsx';
import { PurchaseOutcome } from '../../client/passport/points/PurchaseOutcome.tsx';
import { QualifyingLines } from '../../client/passport/points/QualifyingLines.tsx';
import type { PointsSummaryState } from '../../client/passport/points/usePointsSummary.ts';
import type { PurchaseView } from '../../shared/protocol/catalogue.ts';
import { seedPublishedContent } from '../support/published-content.ts';

const summary = (over: Partial<PointsSummaryState> = {}): PointsSummaryState => ({
  memberNumber: 'LO0123456789',
  expiring: null,
  history: {
    lines: [
      {
        id: 2,
        at: Date.UTC(2026, 11, 6, 12),
        amount: -300,
        reason: { code: 'expiry', params: {} },
        source: 'expiry',
        partnerId: null,
      },
    ],
    nextBefore: 2,
  },
  error: null,
  loadingMore: false,
  loadMore: () => {},
  ...over,
});
const noop = () => {};

/** Server rendering reads the store's initial state (English), which is what these views are checked in. */

// The lounge has the published content once GET /api/content answered; these read names from it.
seedPublishedContent();

describe('passport points views', () => {
  it('lists signed lines with Show more while older pages remain', () => {
    const html = renderToStaticMarkup(createElement(PointsHistory, { summary: summary() }));
    expect(html).toContain('Expired');
    expect(html).toContain('-300');
    expect(html).toContain('Dec 6, 2026');
    expect(html).toContain('data-testid="points-show-more"');
    const last = summary({ history: { lines: [], nextBefore: null } });
    const empty = renderToStaticMarkup(createElement(PointsHistory, { summary: last }));
    expect(empty).toContain('No points yet');
    expect(empty).not.toContain('points-show-more');
  });

  it('explains a failed load as a connection problem, not as an unsure purchase', () => {
    const html = renderToStaticMarkup(
      createElement(PointsHistory, { summary: summary({ history: null, error: 'network' }) }),
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('We could not reach the lounge. Check your connection');
    expect(html).not.toContain('pay twice');
  });

  it('shows the member number, the expiry notice and a balance below zero', () => {
    const html = renderToStaticMarkup(
      createElement(PointsCard, {
        summary: summary({ expiring: { amount: 120, on: '2027-01-05' } }),
        balance: -40,
      }),
    );
    expect(html).toContain('LO0123456789');
    expect(html).toContain('Give this number at Skyway Air, Harbor Coffee, or Lumen Hotels');
    expect(html).toContain('120 points expire on Jan 5, 2027');
    expect(html).toContain('data-testid="points-negative"');
  });

  it('names the cost and the balance after in the confirm step, and disables Buy it cannot afford', () => {
    const entry = { id: 'coffee', cost: 300, left: 3, perMemberLimit: 5, bought: 1, affordable: true };
    const props = { entry, balance: 470, onBuy: noop, onConfirm: noop, onRetry: noop, onCancel: noop };
    const confirm = renderToStaticMarkup(
      createElement(CatalogueCard, {
        ...props,
        step: { step: 'confirm', itemId: 'coffee', purchaseId: 'p' },
      }),
    );
    expect(confirm).toContain('Spend 300 points on');
    expect(confirm).toContain('Your balance after: 170 points.');
    const short = renderToStaticMarkup(
      createElement(CatalogueCard, { ...props, balance: 100, step: { step: 'idle' } }),
    );
    expect(short).toContain('You need 200 more points.');
    expect(short).toMatch(/<button[^>]*disabled=""[^>]*data-testid="buy-coffee"/);
    const soldOut = renderToStaticMarkup(
      createElement(CatalogueCard, { ...props, entry: { ...entry, left: 0 }, step: { step: 'idle' } }),
    );
    expect(soldOut).toContain('Sold out');
  });

  it('offers Try again after a lost answer but not after a final refusal', () => {
    const entry = { id: 'coffee', cost: 300, left: null, perMemberLimit: 5, bought: 0, affordable: true };
    const props = { entry, balance: 470, onBuy: noop, onConfirm: noop, onRetry: noop, onCancel: noop };
    const failed = (code: string) =>
      renderToStaticMarkup(
        createElement(CatalogueCard, {
          ...props,
          step: { step: 'failed', itemId: 'coffee', purchaseId: 'p', code },
        }),
      );
    expect(failed('network')).toContain('buy-retry-coffee');
    expect(failed('network')).toContain('you will not pay twice');
    expect(failed('soldOut')).not.toContain('buy-retry-coffee');
    expect(failed('soldOut')).toContain('just sold out');
  });

  it('tells what each kind of reward gave: code, prize delivery, raffle entry, miles, points back', () => {
    const base: PurchaseView = {
      id: 'p1',
      itemId: 'harbor-coffee-drink',
      cost: 300,
      status: 'fulfilled',
      perkCode: null,
      delivery: null,
      createdAt: Date.UTC(2026, 11, 6),
    };
    const say = (over: Partial<PurchaseView>) =>
      renderToStaticMarkup(createElement(PurchaseOutcome, { purchase: { ...base, ...over } }));
    expect(say({ itemId: 'harbor-coffee-drink', perkCode: 'XMZCG9QN3PFD' })).toContain('XMZCG9QN3PFD');
    expect(say({ itemId: 'lounge-day-pass', status: 'pending', delivery: 'queued' })).toContain(
      'Your prize is on its way: Queued for minting',
    );
    expect(say({ itemId: 'lumen-weekend-raffle' })).toContain(
      'You are in the raffle. The draw is on Jun 30, 2027.',
    );
    expect(say({ itemId: 'skyway-miles-500' })).toContain('500 miles sent to Skyway Air');
    expect(say({ itemId: 'lounge-day-pass', status: 'refunded' })).toContain('your points came back');
  });

  it('says until when points hold the status and how many more reach the next level', () => {
    const html = renderToStaticMarkup(
      createElement(QualifyingLines, {
        qualifying: { thisYear: 5200, until: '2028-03-31', next: { level: 'jetsetter', needs: 14800 } },
      }),
    );
    expect(html).toContain('Qualified by points until Mar 31, 2028');
    expect(html).toContain('14,800 more points this year to reach Jetsetter');
    expect(renderToStaticMarkup(createElement(QualifyingLines, { qualifying: undefined }))).toBe('');
  });
});
