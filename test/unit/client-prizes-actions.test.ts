import { describe, expect, it } from 'vitest';
import { en } from '../../client/core/i18n/en.ts';
import { prizeActions, prizeStatusKey } from '../../client/passport/prizes/prizeActions.ts';
import { prizeById } from '../../shared/content/prizes.ts';
import type { DeliveryState } from '../../shared/protocol/quests.ts';

const dayPass = prizeById('lounge-day-pass');
const goldPass = prizeById('gold-pass');
const inWallet = { balance: 1n, outcome: undefined };

describe('prizeActions', () => {
  it('offers gift and redeem for a transferable prize in the wallet', () => {
    expect(prizeActions('delivered', dayPass, inWallet)).toEqual({ gift: true, redeem: true });
  });

  it('never offers to gift a soulbound prize, only to redeem it', () => {
    expect(prizeActions('delivered', goldPass, inWallet)).toEqual({ gift: false, redeem: true });
  });

  it.each<DeliveryState>(['held', 'queued', 'minting', 'failed'])('offers nothing while %s', (state) => {
    expect(prizeActions(state, dayPass, inWallet)).toEqual({ gift: false, redeem: false });
  });

  it('waits for the chain: nothing before the balance is read, nothing when none is left', () => {
    expect(prizeActions('delivered', dayPass, { balance: undefined, outcome: undefined })).toEqual({
      gift: false,
      redeem: false,
    });
    expect(prizeActions('delivered', dayPass, { balance: 0n, outcome: undefined })).toEqual({
      gift: false,
      redeem: false,
    });
  });

  it('offers nothing once this prize was gifted or redeemed, or for a prize the client does not know', () => {
    expect(prizeActions('delivered', dayPass, { balance: 3n, outcome: 'redeemed' }).redeem).toBe(false);
    expect(prizeActions('delivered', dayPass, { balance: 3n, outcome: 'gifted' }).gift).toBe(false);
    expect(prizeActions('delivered', undefined, inWallet)).toEqual({ gift: false, redeem: false });
  });
});

describe('prizeStatusKey', () => {
  it('names each delivery state, and what the member did with the prize', () => {
    const states: DeliveryState[] = ['held', 'queued', 'minting', 'delivered', 'failed'];
    expect(
      Object.fromEntries(states.map((state) => [state, en[prizeStatusKey(state)]])),
    ).toMatchInlineSnapshot(`
        {
          "delivered": "In your wallet",
          "failed": "Delivery failed. Our staff will sort it out; nothing is lost.",
          "held": "Held for you: connect a wallet to receive it",
          "minting": "Minting…",
          "queued": "Queued for minting",
        }
      `);
    expect(en[prizeStatusKey('delivered', 'redeemed')]).toBe('Redeemed');
    expect(en[prizeStatusKey('delivered', 'gifted')]).toBe('Gifted');
  });
});
