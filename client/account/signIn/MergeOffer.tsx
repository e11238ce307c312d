import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { acceptMergeOffer, declineMergeOffer } from '../session.ts';
import type { PendingMergeOffer } from '../sessionSlice.ts';

/**
 * "This sign-in belongs to <name>": shown over the lounge whenever a sign-in (email code, passkey, the brand's return)
 * answers a merge offer while a guest is signed in (`handleSignInResult` puts it in the store). Continuing moves the
 * guest's stamps, points and prizes into that member and reseats the tab as them; staying binds nothing. App mounts it
 * once; it renders only while an offer is open.
 */
export function MergeOffer() {
  const offer = useLayoverStore((state) => state.mergeOffer);
  return offer ? <MergeOfferDialog offer={offer} /> : null;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The modal dialog itself: focus starts on "Continue", Tab stays inside, Escape means "Stay as a guest". */
export function MergeOfferDialog({ offer }: { offer: PendingMergeOffer }) {
  const t = useT();
  const ids = { title: useId(), body: useId() };
  const dialog = useRef<HTMLDivElement>(null);
  const accept = useRef<HTMLButtonElement>(null);
  const [working, setWorking] = useState(false);

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    accept.current?.focus();
    return () => before?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !working) {
      event.stopPropagation();
      declineMergeOffer();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const onAccept = async () => {
    setWorking(true);
    await acceptMergeOffer();
  };

  return (
    <div className="merge-backdrop">
      <div
        ref={dialog}
        className="merge-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={ids.title}
        aria-describedby={ids.body}
        data-testid="merge-offer"
        onKeyDown={onKeyDown}
      >
        <h2 id={ids.title}>{t('signIn.merge.title', { name: offer.name })}</h2>
        <p id={ids.body}>{t('signIn.merge.body', { name: offer.name })}</p>
        <div className="merge-actions">
          <button
            ref={accept}
            type="button"
            className="primary"
            data-testid="merge-accept"
            onClick={() => void onAccept()}
            disabled={working}
          >
            {t('signIn.merge.accept', { name: offer.name })}
          </button>
          <button type="button" data-testid="merge-decline" onClick={declineMergeOffer} disabled={working}>
            {t('signIn.merge.decline')}
          </button>
        </div>
        <p role="status" className="hint">
          {working ? t('signIn.merge.working') : ''}
        </p>
      </div>
    </div>
  );
}
