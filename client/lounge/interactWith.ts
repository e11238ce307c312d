import type { MessageKey } from '../core/i18n/en.ts';
import { sendInteract } from '../core/net/send.ts';
import { useLayoverStore } from '../core/store.ts';

/** What each usable object of the lounge says back when used; its key is the object's zone id. */
export const INTERACTIONS: Readonly<
  Record<string, { prompt: MessageKey; atObject: MessageKey; done: MessageKey }>
> = {
  'departures-board': {
    prompt: 'interact.readBoard',
    atObject: 'interact.atBoard',
    done: 'interact.boardRead',
  },
};

/** Uses an object (button, E key or a click on it); the server decides whether it counts towards a journey. */
export function interactWith(objectId: string): void {
  const reply = INTERACTIONS[objectId];
  if (!reply || !sendInteract(objectId)) return;
  useLayoverStore.getState().pushToast({ kind: 'status', key: reply.done });
}
