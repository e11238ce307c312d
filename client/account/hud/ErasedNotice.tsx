import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import '../account.css';

/** On the entry screen after an erasure: the data is gone, and how many rewards are still on their way. */
export function ErasedNotice() {
  const t = useT();
  const erasure = useLayoverStore((state) => state.erasure);
  return (
    <div className="erased-notice-region" role="status">
      {erasure && (
        <div className="erased-notice" data-testid="erased-notice">
          <p>{t('account.erased')}</p>
          {erasure.inFlight > 0 && <p>{t('account.erasedInFlight', { count: erasure.inFlight })}</p>}
        </div>
      )}
    </div>
  );
}
