import { useEffect, useState } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { QR_QUIET_ZONE, qrPath } from './qrPath.ts';

export interface PerkQrProps {
  /** What the desk's scanner reads back (PerkView.qrPayload). */
  payload: string;
  /** The code in words, for the image's accessible name. */
  code: string;
  testId: string;
}

type Drawn = { payload: string; size: number; path: string };

/** The perk code as a QR symbol; `qrcode` loads only when a perk is shown, and draws as one crisp SVG path. */
export function PerkQr({ payload, code, testId }: PerkQrProps) {
  const t = useT();
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode').then(({ create }) => {
      const symbol = create(payload, { errorCorrectionLevel: 'M' });
      if (live) setDrawn({ payload, size: symbol.modules.size, path: qrPath(symbol.modules) });
    });
    return () => {
      live = false;
    };
  }, [payload]);
  if (!drawn || drawn.payload !== payload)
    return <div className="perk-qr perk-qr-loading" aria-hidden="true" />;
  const side = drawn.size + QR_QUIET_ZONE * 2;
  return (
    <svg
      className="perk-qr"
      viewBox={`0 0 ${side} ${side}`}
      role="img"
      aria-label={t('perks.qrLabel', { code })}
      data-testid={testId}
      data-payload={payload}
      shapeRendering="crispEdges"
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={drawn.path} fill="#000" />
    </svg>
  );
}
