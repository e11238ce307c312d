import { useContent } from '../../core/content/useContent.ts';
import { prizeName } from '../../core/content.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import type { DropOutcomeView } from '../eventView.ts';

/** What our claim came to, in words; a win names the prize (it is in the passport, on its way to the wallet). */
export function DropOutcomeLine({ outcome }: { outcome: DropOutcomeView }) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  useContent();
  const dropPrize = useLayoverStore((state) => state.hall?.stage.drop?.prizeId ?? '');
  const prize = prizeName(outcome.prizeId ?? dropPrize, locale);
  return (
    <p className={`drop-outcome outcome-${outcome.outcome}`} role="status" data-testid="drop-outcome">
      {t(`event.drop.outcome.${outcome.outcome}`, { prize })}
    </p>
  );
}
