import { useId } from 'react';
import type { MemberContent } from '../../../shared/protocol/content.ts';
import { type SegmentPreview, SIGN_IN_KINDS } from '../../../shared/protocol/segments.ts';
import { LOCALE_NAMES, LOCALES } from '../../core/i18n/locales.ts';
import { useT } from '../i18n/useT.ts';
import { useConsoleStore } from '../store.ts';
import { CheckboxGroup } from './CheckboxGroup.tsx';
import type { CampaignFailure } from './campaignErrors.ts';
import { FailureLine } from './FailureLine.tsx';
import { EMPTY_DRAFT, type FilterDraft } from './filterDraft.ts';

/**
 * The segment's clauses (all must hold) with its live size and a sample of members: levels, stamps, journeys,
 * points, last visit, language, sign-in kind and a gated room's pass, from the published content's lists.
 */
export function SegmentBuilder({
  draft,
  onChange,
  content,
  size,
}: {
  draft: FilterDraft;
  onChange: (draft: FilterDraft) => void;
  content: MemberContent | null;
  size: { preview: SegmentPreview | null; failure: CampaignFailure | null; loading: boolean };
}) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const ids = { heading: useId(), min: useId(), max: useId(), visit: useId(), days: useId(), gate: useId() };
  const set =
    <K extends keyof FilterDraft>(key: K) =>
    (value: FilterDraft[K]) =>
      onChange({ ...draft, [key]: value });
  const levels = (content?.statusLevels ?? []).map((level) => ({
    value: level.id,
    label: level.name[locale],
  }));
  const stamps = (content?.stamps ?? []).map((stamp) => ({ value: stamp.id, label: stamp.name[locale] }));
  const quests = (content?.quests ?? []).map((quest) => ({ value: quest.id, label: quest.title[locale] }));
  return (
    <section className="card" aria-labelledby={ids.heading} data-testid="campaigns-builder">
      <div className="section-head">
        <h2 id={ids.heading}>{t('campaigns.builder')}</h2>
        <p
          className="segment-size"
          aria-live="polite"
          data-testid="campaigns-size"
          data-size={size.preview?.size}
        >
          {size.preview && !size.loading
            ? t('campaigns.size', { count: size.preview.size })
            : t('campaigns.sizeLoading')}
        </p>
      </div>
      <FailureLine failure={size.failure} testId="campaigns-size-error" />
      <div className="segment-grid">
        <CheckboxGroup
          legend={t('campaigns.statusLevels')}
          choices={levels}
          selected={draft.statusLevels}
          onChange={set('statusLevels')}
          testId="campaigns-levels"
        />
        <CheckboxGroup
          legend={t('campaigns.stampsAll')}
          choices={stamps}
          selected={draft.stampsAll}
          onChange={set('stampsAll')}
          testId="campaigns-stamps-all"
        />
        <CheckboxGroup
          legend={t('campaigns.stampsAny')}
          choices={stamps}
          selected={draft.stampsAny}
          onChange={set('stampsAny')}
          testId="campaigns-stamps-any"
        />
        <CheckboxGroup
          legend={t('campaigns.questsDone')}
          choices={quests}
          selected={draft.questsDone}
          onChange={set('questsDone')}
          testId="campaigns-quests"
        />
        <CheckboxGroup
          legend={t('campaigns.locales')}
          choices={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))}
          selected={draft.locales}
          onChange={set('locales')}
          testId="campaigns-locales"
        />
        <CheckboxGroup
          legend={t('campaigns.signInKinds')}
          choices={SIGN_IN_KINDS.map((value) => ({ value, label: t(`campaigns.kind.${value}`) }))}
          selected={draft.signInKinds}
          onChange={set('signInKinds')}
          testId="campaigns-kinds"
        />
        <fieldset className="choice-group">
          <legend>{t('campaigns.points')}</legend>
          <div className="field">
            <label htmlFor={ids.min}>{t('campaigns.pointsMin')}</label>
            <input
              id={ids.min}
              inputMode="numeric"
              value={draft.pointsMin}
              onChange={(e) => set('pointsMin')(e.target.value)}
              data-testid="campaigns-points-min"
            />
          </div>
          <div className="field">
            <label htmlFor={ids.max}>{t('campaigns.pointsMax')}</label>
            <input
              id={ids.max}
              inputMode="numeric"
              value={draft.pointsMax}
              onChange={(e) => set('pointsMax')(e.target.value)}
              data-testid="campaigns-points-max"
            />
          </div>
        </fieldset>
        <fieldset className="choice-group">
          <legend>{t('campaigns.visit')}</legend>
          <div className="field">
            <label htmlFor={ids.visit}>{t('campaigns.visit')}</label>
            <select
              id={ids.visit}
              value={draft.visit}
              onChange={(e) => set('visit')(e.target.value as FilterDraft['visit'])}
              data-testid="campaigns-visit"
            >
              <option value="any">{t('campaigns.visit.any')}</option>
              <option value="within">{t('campaigns.visit.within')}</option>
              <option value="notFor">{t('campaigns.visit.notFor')}</option>
            </select>
          </div>
          {draft.visit !== 'any' && (
            <div className="field">
              <label htmlFor={ids.days}>{t('campaigns.visitDays')}</label>
              <input
                id={ids.days}
                inputMode="numeric"
                value={draft.visitDays}
                onChange={(e) => set('visitDays')(e.target.value)}
                data-testid="campaigns-visit-days"
              />
            </div>
          )}
          <div className="field">
            <label htmlFor={ids.gate}>{t('campaigns.holdsGate')}</label>
            <select
              id={ids.gate}
              value={draft.holdsGate}
              onChange={(e) => set('holdsGate')(e.target.value)}
              data-testid="campaigns-gate"
            >
              <option value="">{t('campaigns.holdsGate.none')}</option>
              {(content?.gates ?? []).map((gate) => (
                <option key={gate.room} value={gate.room}>
                  {gate.room}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
      </div>
      {size.preview && size.preview.sample.length > 0 && (
        <details className="segment-sample">
          <summary>{t('campaigns.sample')}</summary>
          <ul className="plain-list" data-testid="campaigns-sample">
            {size.preview.sample.map((member, index) => (
              <li key={index}>
                {member.displayName} ·{' '}
                {content?.statusLevels.find((l) => l.id === member.status)?.name[locale] ?? member.status}
              </li>
            ))}
          </ul>
        </details>
      )}
      <button type="button" onClick={() => onChange(EMPTY_DRAFT)} data-testid="campaigns-clear">
        {t('campaigns.clear')}
      </button>
    </section>
  );
}
