import { useT } from '../../core/i18n/useT.ts';
import { useIsMuted } from '../hallHooks.ts';

/** Says plainly why the inputs are greyed out while the host has us muted. */
export function MutedNotice() {
  const t = useT();
  const muted = useIsMuted();
  return (
    <div role="status">
      {muted && (
        <p className="event-muted" data-testid="event-muted">
          {t('event.youAreMuted')}
        </p>
      )}
    </div>
  );
}
