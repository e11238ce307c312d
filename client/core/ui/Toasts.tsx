import { useLayoverStore } from '../store.ts';
import { ToastItem } from './ToastItem.tsx';
import { toastsHeld } from './toastsHeld.ts';
import './toasts.css';

/**
 * Short notices: polite ones in a status region, problems in an alert region. Both regions always exist. While a stamp
 * celebration or a game's results show, toasts wait out of sight (still read out) so they never cover them, and their
 * timers start after.
 */
export function Toasts() {
  const toasts = useLayoverStore((state) => state.toasts);
  const held = useLayoverStore(toastsHeld);
  return (
    <div className="toasts" data-held={held}>
      {/* The live regions wrap the lists: a list may not take the status or alert role (axe: aria-allowed-role). */}
      <div role="status">
        <ul>
          {toasts
            .filter((toast) => toast.kind === 'status')
            .map((toast) => (
              <ToastItem key={toast.id} toast={toast} held={held} />
            ))}
        </ul>
      </div>
      <div role="alert">
        <ul>
          {toasts
            .filter((toast) => toast.kind === 'alert')
            .map((toast) => (
              <ToastItem key={toast.id} toast={toast} held={held} />
            ))}
        </ul>
      </div>
    </div>
  );
}
