/**
 * One Buy, from the click to its result. The purchaseId is the server's idempotency key: it is made when the member
 * picks an item and kept through the confirm step, a failure and any retry, until a purchase comes back. A retry
 * after a lost answer (the request may have reached the server) sends the same id, so it can never buy twice.
 */
export type PurchaseStep<P> =
  | { step: 'idle' }
  | { step: 'confirm'; itemId: string; purchaseId: string }
  | { step: 'buying'; itemId: string; purchaseId: string }
  | { step: 'failed'; itemId: string; purchaseId: string; code: string }
  | { step: 'done'; itemId: string; purchase: P };

/** The server's answer when a purchaseId already names another member's or another item's purchase. */
const ID_REFUSED = 'purchaseIdConflict';

export interface PurchaseFlow<P> {
  view: PurchaseStep<P>;
  /** The id of a Buy that has not come back bought yet: picking the same item again reuses it. */
  unsettled: { itemId: string; purchaseId: string } | null;
}

export type PurchaseAction<P> =
  /** Buy pressed on an item; `newId` is a fresh crypto.randomUUID(), used unless that item has an unsettled id. */
  | { type: 'choose'; itemId: string; newId: string }
  | { type: 'confirm' }
  | { type: 'retry' }
  | { type: 'cancel' }
  | { type: 'failed'; code: string }
  | { type: 'succeeded'; purchase: P };

export function initialPurchaseFlow<P>(): PurchaseFlow<P> {
  return { view: { step: 'idle' }, unsettled: null };
}

/** The flow's reducer (pure: the caller makes ids and sends requests). */
export function purchaseReducer<P>(flow: PurchaseFlow<P>, action: PurchaseAction<P>): PurchaseFlow<P> {
  const { view, unsettled } = flow;
  switch (action.type) {
    case 'choose': {
      if (view.step === 'buying') return flow;
      const purchaseId = unsettled?.itemId === action.itemId ? unsettled.purchaseId : action.newId;
      return { view: { step: 'confirm', itemId: action.itemId, purchaseId }, unsettled };
    }
    case 'confirm':
    case 'retry': {
      if (view.step !== (action.type === 'confirm' ? 'confirm' : 'failed')) return flow;
      if (view.step !== 'confirm' && view.step !== 'failed') return flow;
      const { itemId, purchaseId } = view;
      return { view: { step: 'buying', itemId, purchaseId }, unsettled: { itemId, purchaseId } };
    }
    case 'cancel':
      return view.step === 'buying' ? flow : { view: { step: 'idle' }, unsettled };
    case 'failed': {
      if (view.step !== 'buying') return flow;
      // The server holds this id for another purchase: the next Buy must start from a fresh one.
      const keep = action.code === ID_REFUSED ? null : unsettled;
      return { view: { ...view, step: 'failed', code: action.code }, unsettled: keep };
    }
    case 'succeeded':
      if (view.step !== 'buying') return flow;
      return { view: { step: 'done', itemId: view.itemId, purchase: action.purchase }, unsettled: null };
  }
}

/** The item the flow is about, if any (its card shows the confirm step, the spinner, the error or the result). */
export function flowItemId<P>(view: PurchaseStep<P>): string | null {
  return view.step === 'idle' ? null : view.itemId;
}
