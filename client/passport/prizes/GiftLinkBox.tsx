import { useT } from '../../core/i18n/useT.ts';
import { CopyText } from '../points/CopyText.tsx';
import { claimUrl } from './relayFlow.ts';

export interface GiftLinkBoxProps {
  token: string;
  prizeName: string;
  testId: string;
}

/** The one-time gift link to send a friend: shown in full, copied with one press, or handed to the phone's share. */
export function GiftLinkBox({ token, prizeName, testId }: GiftLinkBoxProps) {
  const t = useT();
  const url = claimUrl(globalThis.location.origin, token);
  const canShare = typeof navigator.share === 'function';
  return (
    <div className="gift-link" data-testid={testId} data-url={url}>
      <p role="status">{t('rewards.linkReady', { prize: prizeName })}</p>
      <p className="perk-label">{t('rewards.linkLabel')}</p>
      <span className="gift-link-url">
        <CopyText
          value={url}
          label={t('rewards.copyLink')}
          copiedLabel={t('rewards.linkCopied')}
          testId={`${testId}-url`}
        />
      </span>
      {canShare && (
        <button
          type="button"
          onClick={() =>
            void navigator
              .share({ title: t('rewards.shareText', { prize: prizeName }), url })
              .catch(() => undefined)
          }
        >
          {t('rewards.shareLink')}
        </button>
      )}
    </div>
  );
}
