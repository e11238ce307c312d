import type { MessageKey } from '../core/i18n/en.ts';
import { sendInteract } from '../core/net/send.ts';
import { useLayoverStore } from '../core/store.ts';
import { openBoardPanel } from './board/boardPanelStore.ts';

/** What each usable object of the lounge says back when used (or opens); its key is the object's zone id. */
export const INTERACTIONS: Readonly<
  Record<string, { prompt: MessageKey; atObject: MessageKey; done: MessageKey; opens?: () => void }>
> = {
  'departures-board': {
    prompt: 'interact.readBoard',
    atObject: 'interact.atBoard',
    done: 'interact.boardRead',
    opens: openBoardPanel,
  },
};

/** Uses an object (button, E key or a click on it); the server decides whether it counts towards a journey. */
export function interactWith(objectId: string): void {
  const reply = INTERACTIONS[objectId];
  if (!reply) return;
  const sent = sendInteract(objectId);
  // A panel opens however soon after the last use (the send is held to one a second); a toast only says it counted.
  if (reply.opens) reply.opens();
  else if (sent) useLayoverStore.getState().pushToast({ kind: 'status', key: reply.done });
}
