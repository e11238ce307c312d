import { beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../client/core/i18n/translate.ts';
import type { LoungeRoom } from '../../client/core/net/roomRef.ts';
import { useLayoverStore } from '../../client/core/store.ts';
import { listenForQuests } from '../../client/passport/questMessages.ts';
import type { LoungeServerMessages } from '../../shared/protocol/lounge-messages.ts';
import type { PrizeView } from '../../shared/protocol/quests.ts';

// The lounge's prize notice: a prize held until the member keeps their account says so, in the member's language.
let handlers: { [K in keyof LoungeServerMessages]?: (message: LoungeServerMessages[K]) => void };

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

const won: PrizeView = {
  claimId: `0x${'09'.repeat(32)}`,
  prizeId: 'lounge-day-pass',
  source: 'first-visit',
  wonAt: 1,
  state: 'held',
  txHash: null,
  to: null,
};
const toastKeys = () => useLayoverStore.getState().toasts.map((toast) => toast.key);

describe('the keep-your-account prize notice', () => {
  it('follows "Prize won" when the prize waits for a kept account, and only then', () => {
    handlers.prizeWon?.({ ...won, keepAccountBy: 7 * 86_400_000 });
    expect(toastKeys()).toEqual(['quests.prizeWon', 'rewards.keepAccount']);
    useLayoverStore.setState({ toasts: [] });
    handlers.prizeWon?.({ ...won, claimId: `0x${'0a'.repeat(32)}` });
    expect(toastKeys()).toEqual(['quests.prizeWon']);
  });

  it('reads naturally in the four languages', () => {
    expect(translate('en', 'rewards.keepAccount')).toBe('Keep your account to receive this prize');
    expect(translate('zh-Hant', 'rewards.keepAccount')).toBe('保留你的帳戶，就能收到這份獎品');
    expect(translate('zh-Hans', 'rewards.keepAccount')).toBe('保留你的账户，就能收到这份奖品');
    expect(translate('vi', 'rewards.keepAccount')).toBe('Hãy giữ tài khoản của bạn để nhận giải thưởng này');
  });
});
