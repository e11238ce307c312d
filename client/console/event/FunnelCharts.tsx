import type { ConsoleAnalytics } from '../../../shared/protocol/live-events.ts';
import { FunnelChart } from '../charts/FunnelChart.tsx';
import { useT } from '../i18n/useT.ts';
import { useConsoleStore } from '../store.ts';

/** One funnel per quest members have started (steps, then completions); one "No data yet" card when none has. */
export function FunnelCharts({ funnel }: { funnel: ConsoleAnalytics['funnel'] }) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const reached = funnel.filter(
    (quest) => quest.completed > 0 || quest.steps.some((step) => step.members > 0),
  );
  if (reached.length === 0)
    return (
      <div className="chart-grid">
        <FunnelChart title={t('analytics.funnel')} description="" steps={[]} locale={locale} />
      </div>
    );
  return (
    <div className="chart-grid">
      {reached.map((quest) => (
        <FunnelChart
          key={quest.questId}
          title={`${t('analytics.funnel')}: ${quest.questId}`}
          description={t('analytics.funnelDesc', { quest: quest.questId })}
          locale={locale}
          steps={[
            ...quest.steps.map((step) => ({ label: step.stepId, value: step.members })),
            { label: t('analytics.completed'), value: quest.completed },
          ]}
        />
      ))}
    </div>
  );
}
