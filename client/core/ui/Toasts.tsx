import { useLayoverStore } from '../store.ts';
import { ToastItem } from './ToastItem.tsx';

/** Short notices: polite ones in a status region, problems in an alert region. Both regions always exist. */
export function Toasts() {
  const toasts = useLayoverStore((state) => state.toasts);
  return (
    <div className="toasts">
      <ul role="status" aria-live="polite">
        {toasts
          .filter((toast) => toast.kind === 'status')
          .map((toast) => (
            <ToastItem key={toast.id} toast={toast} />
          ))}
      </ul>
      <ul role="alert">
        {toasts
          .filter((toast) => toast.kind === 'alert')
          .map((toast) => (
            <ToastItem key={toast.id} toast={toast} />
          ))}
      </ul>
    </div>
  );
}
