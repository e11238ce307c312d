import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';

/** Announces a dropped connection while the SDK retries; the live region is always present so it is heard. */
export function ReconnectBanner() {
  const t = useT();
  const reconnecting = useLayoverStore((state) => state.reconnecting);
  return (
    <div className={reconnecting ? 'banner visible' : 'banner'} role="status">
      {reconnecting ? t('status.reconnecting') : ''}
    </div>
  );
}
