import { useEffect } from 'react';
import { useT } from '../i18n/useT.ts';
import { useLayoverStore } from '../store.ts';
import type { Toast } from '../uiSlice.ts';

const STATUS_MS = 5000;
const ALERT_MS = 9000;

export interface ToastItemProps {
  toast: Toast;
}

/** One notice that dismisses itself after a few seconds, or at once with its close button. */
export function ToastItem({ toast }: ToastItemProps) {
  const t = useT();
  const dismiss = useLayoverStore((state) => state.dismissToast);
  useEffect(() => {
    const timer = setTimeout(() => dismiss(toast.id), toast.kind === 'alert' ? ALERT_MS : STATUS_MS);
    return () => clearTimeout(timer);
  }, [dismiss, toast]);
  return (
    <li className={`toast ${toast.kind}`}>
      <span>{t(toast.key, toast.vars)}</span>
      <button
        type="button"
        className="icon"
        onClick={() => dismiss(toast.id)}
        aria-label={t('toast.dismiss')}
      >
        ×
      </button>
    </li>
  );
}
