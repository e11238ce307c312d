import { useEffect } from 'react';
import { useT } from '../i18n/useT.ts';
import { useLayoverStore } from '../store.ts';
import type { Toast } from '../uiSlice.ts';

const STATUS_MS = 5000;
const ALERT_MS = 9000;

export interface ToastItemProps {
  toast: Toast;
  /** Kept out of sight with its timer stopped (a stamp celebration is showing); screen readers still hear it. */
  held?: boolean;
}

/** One notice that dismisses itself a few seconds after it shows, or at once with its close button. */
export function ToastItem({ toast, held = false }: ToastItemProps) {
  const t = useT();
  const dismiss = useLayoverStore((state) => state.dismissToast);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => dismiss(toast.id), toast.kind === 'alert' ? ALERT_MS : STATUS_MS);
    return () => clearTimeout(timer);
  }, [dismiss, toast, held]);
  return (
    <li className={`toast ${toast.kind}${held ? ' visually-hidden' : ''}`} data-testid="toast">
      <span>{t(toast.key, toast.vars)}</span>
      <button
        type="button"
        className="icon"
        onClick={() => dismiss(toast.id)}
        aria-label={t('toast.dismiss')}
        tabIndex={held ? -1 : undefined}
      >
        ×
      </button>
    </li>
  );
}
