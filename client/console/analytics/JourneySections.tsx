import type { ProgramAnalytics } from '../../../shared/protocol/analytics.ts';
import type { MemberContent } from '../../../shared/protocol/content.ts';
import { FunnelChart } from '../charts/FunnelChart.tsx';
import { useT } from '../i18n/useT.ts';
import { useConsoleStore } from '../store.ts';
import type { Period } from './period.ts';
import { TableCard } from './TableCard.tsx';

/** Weekly cohorts' retention, and the quest funnels with quest and step names in the operator's language. */
export function JourneySections(props: {
  data: ProgramAnalytics;
  period: Period;
  content: MemberContent | null;
}) {
  const { data, period, content } = props;
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const format = new Intl.NumberFormat(locale).format;
  const percent = new Intl.NumberFormat(locale, { style: 'percent' }).format;
  const weeks = data.retention[0]?.active.length ?? 8;
  const questOf = (id: string) => content?.quests.find((quest) => quest.id === id);
  const started = data.questFunnels.quests.filter(
    (quest) => quest.completed > 0 || quest.steps.some((step) => step.members > 0),
  );
  return (
    <>
      <TableCard
        table="retention"
        title={t('program.retention.heading')}
        period={period}
        columns={[
          { label: t('program.cohort') },
          { label: t('program.cohortSize'), numeric: true },
          ...Array.from({ length: weeks }, (_, index) => ({
            label: t('program.week', { n: index + 1 }),
            numeric: true,
          })),
        ]}
        rows={data.retention.map((row) => ({
          key: row.cohort,
          head: row.cohort,
          cells: [
            format(row.size),
            ...row.active.map((active) =>
              active === null ? t('program.notYet') : row.size > 0 ? percent(active / row.size) : '—',
            ),
          ],
        }))}
      >
        <p className="hint">{t('program.retention.intro')}</p>
      </TableCard>
      <TableCard
        table="questFunnels"
        title={t('program.funnels.heading')}
        period={period}
        columns={[
          { label: t('program.quest') },
          { label: t('program.step') },
          { label: t('program.reached'), numeric: true },
        ]}
        rows={started.flatMap((funnel) => {
          const quest = questOf(funnel.questId);
          const title = quest?.title[locale] ?? funnel.questId;
          const steps = funnel.steps.map((step) => ({
            key: `${funnel.questId}/${step.stepId}`,
            head: title,
            cells: [
              quest?.steps.find((item) => item.id === step.stepId)?.label[locale] ?? step.stepId,
              format(step.members),
            ],
          }));
          return [
            ...steps,
            {
              key: `${funnel.questId}/done`,
              head: title,
              cells: [t('program.completed'), format(funnel.completed)],
            },
          ];
        })}
      >
        {data.questFunnels.asOf && (
          <p className="hint">{t('program.funnels.asOf', { day: data.questFunnels.asOf })}</p>
        )}
        <div className="chart-grid">
          {started.map((funnel) => {
            const quest = questOf(funnel.questId);
            const title = quest?.title[locale] ?? funnel.questId;
            return (
              <FunnelChart
                key={funnel.questId}
                title={title}
                description={t('program.funnels.chartDesc', { quest: title })}
                locale={locale}
                steps={[
                  ...funnel.steps.map((step) => ({
                    label: quest?.steps.find((item) => item.id === step.stepId)?.label[locale] ?? step.stepId,
                    value: step.members,
                  })),
                  { label: t('program.completed'), value: funnel.completed },
                ]}
              />
            );
          })}
        </div>
      </TableCard>
    </>
  );
}
