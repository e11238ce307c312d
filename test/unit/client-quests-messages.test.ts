import { beforeEach, describe, expect, it } from 'vitest';
import type { LoungeRoom } from '../../client/core/net/roomRef.ts';
import { useLayoverStore } from '../../client/core/store.ts';
import { listenForQuests } from '../../client/passport/questMessages.ts';
import type { LoungeServerMessages } from '../../shared/protocol/lounge-messages.ts';
import type { QuestsSnapshot } from '../../shared/protocol/quests.ts';
import { seedPublishedContent } from '../support/published-content.ts';

type Handlers = { [K in keyof LoungeServerMessages]?: (message: LoungeServerMessages[K]) => void };
let handlers: Handlers;

const CLAIM = `0x${'07'.repeat(32)}`;
const TX = `0x${'cd'.repeat(32)}`;
const empty: QuestsSnapshot = {
  quests: [],
  stamps: [],
  prizes: [],
  points: 0,
  status: { level: 'guest', stamps: 0, next: { level: 'explorer', minStamps: 1 } },
};

function deliver<K extends keyof LoungeServerMessages>(type: K, message: LoungeServerMessages[K]): void {
  (handlers[type] as ((message: LoungeServerMessages[K]) => void) | undefined)?.(message);
}

beforeEach(() => {
  useLayoverStore.getState().signOut();
  useLayoverStore.setState({ toasts: [], locale: 'en' });
  handlers = {};
  const room = {
    onMessage: (type: keyof LoungeServerMessages, handler: never) => {
      handlers[type] = handler;
    },
  };
  listenForQuests(room as unknown as LoungeRoom, () => true);
});

const toastKeys = () => useLayoverStore.getState().toasts.map((toast) => [toast.key, toast.vars]);

// The lounge has the published content once GET /api/content answered; these read names from it.
seedPublishedContent();

describe('quest messages into the store', () => {
  it('stores the snapshot, celebrates an earned stamp and names it in the member language', () => {
    deliver('quests', empty);
    useLayoverStore.setState({ locale: 'zh-Hant' });
    deliver('stampEarned', { stampId: 'first-visit', questId: 'first-visit', earnedAt: 1 });
    const state = useLayoverStore.getState();
    expect(state.passport).toEqual(empty);
    expect(state.celebration?.stampId).toBe('first-visit');
    expect(toastKeys()).toEqual([['quests.stampEarned', { stamp: '初次到訪' }]]);
  });

  it('adds a prize won and announces minting and arrival once each', () => {
    deliver('quests', empty);
    deliver('prizeWon', {
      claimId: CLAIM,
      prizeId: 'gold-pass',
      source: 'frequent-flyer',
      wonAt: 1,
      state: 'queued',
      txHash: null,
      to: null,
    });
    const moving = { kind: 'prize', itemId: 'gold-pass', claimId: CLAIM, txHash: TX, to: null } as const;
    deliver('delivery', { ...moving, state: 'minting' });
    deliver('delivery', { ...moving, state: 'minting' });
    deliver('delivery', { ...moving, state: 'delivered' });
    expect(useLayoverStore.getState().passport?.prizes).toMatchObject([{ state: 'delivered', txHash: TX }]);
    expect(toastKeys()).toEqual([
      ['quests.prizeWon', { prize: 'Gold Pass' }],
      ['quests.prizeMinting', { prize: 'Gold Pass' }],
      ['quests.prizeDelivered', { prize: 'Gold Pass' }],
    ]);
  });

  it('keeps stamp deliveries quiet: the passport shows them', () => {
    deliver('quests', {
      ...empty,
      stamps: [
        {
          stampId: 'first-visit',
          questId: 'first-visit',
          earnedAt: 1,
          where: 'lounge',
          chain: 'queued',
          txHash: null,
        },
      ],
    });
    deliver('delivery', {
      kind: 'stamp',
      itemId: 'first-visit',
      claimId: CLAIM,
      state: 'delivered',
      txHash: TX,
      to: null,
    });
    expect(useLayoverStore.getState().passport?.stamps[0]).toMatchObject({ chain: 'delivered', txHash: TX });
    expect(toastKeys()).toEqual([]);
  });
});
