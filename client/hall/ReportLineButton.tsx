import type { ChatLine } from '../../shared/protocol/lounge-messages.ts';
import { useT } from '../core/i18n/useT.ts';
import { useLayoverStore } from '../core/store.ts';

/** A small "Report" beside another member's chat line in a hall; opens the report form for them. */
export function ReportLineButton({ line }: { line: ChatLine }) {
  const t = useT();
  const report = useLayoverStore((state) => state.setReportTarget);
  return (
    <button
      type="button"
      className="chat-report"
      onClick={() => report({ memberId: line.memberId, name: line.name })}
      aria-label={t('event.report.open', { name: line.name })}
      data-testid={`chat-report-${line.id}`}
    >
      {t('event.report.button')}
    </button>
  );
}
