import { useState } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { shortHash } from '../formatDate.ts';

export interface TxHashProps {
  hash: string;
  testId: string;
}

/** A transaction hash shortened on the page, whole on hover, and copied whole with one click. */
export function TxHash({ hash, testId }: TxHashProps) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(hash).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <>
      <code className="chain-tx" title={hash} data-testid={testId} data-hash={hash}>
        <span aria-hidden="true">{shortHash(hash)}</span>
        <span className="visually-hidden">{t('chain.tx', { hash })}</span>
      </code>
      <button
        type="button"
        className="chain-copy"
        onClick={copy}
        onBlur={() => setCopied(false)}
        title={hash}
        aria-label={t('prizes.copyTx')}
      >
        <CopyGlyph copied={copied} />
      </button>
      {copied && (
        <span className="visually-hidden" role="status">
          {t('prizes.copied')}
        </span>
      )}
    </>
  );
}

/** Drawn rather than a font glyph: the lounge ships no symbol font. */
function CopyGlyph({ copied }: { copied: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      {copied ? (
        <path d="M2.5 8.5l3.5 3.5 7.5-8" fill="none" stroke="currentColor" strokeWidth="2" />
      ) : (
        <>
          <rect
            x="5"
            y="5"
            width="9"
            height="9"
            rx="1.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
          />
          <path
            d="M11 3V2.5A1.5 1.5 0 0 0 9.5 1h-7A1.5 1.5 0 0 0 1 2.5v7A1.5 1.5 0 0 0 2.5 11H3"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
          />
        </>
      )}
    </svg>
  );
}
