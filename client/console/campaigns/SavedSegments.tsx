import { useId, useState } from 'react';
import type { SavedSegment, SegmentFilter } from '../../../shared/protocol/segments.ts';
import { useT } from '../i18n/useT.ts';
import { withSession } from '../session.ts';
import { type CampaignFailure, campaignFailureOf } from './campaignErrors.ts';
import { removeSegment, saveSegment } from './campaignsApi.ts';
import { FailureLine } from './FailureLine.tsx';

/** The brand's saved segments: save the filter in the builder by name, load one back, delete one. */
export function SavedSegments({
  segments,
  filter,
  selectedId,
  onUse,
  onChanged,
}: {
  segments: readonly SavedSegment[];
  filter: SegmentFilter;
  selectedId: string | null;
  onUse: (segment: SavedSegment) => void;
  onChanged: () => void;
}) {
  const t = useT();
  const ids = { heading: useId(), name: useId() };
  const [name, setName] = useState('');
  const [failure, setFailure] = useState<CampaignFailure | null>(null);
  const run = async (action: (token: string) => Promise<unknown>) => {
    setFailure(null);
    try {
      await withSession(action);
      onChanged();
      return true;
    } catch (error) {
      setFailure(campaignFailureOf(error));
      return false;
    }
  };
  const save = async () => {
    if (await run((token) => saveSegment(token, { name, filter }))) setName('');
  };
  return (
    <section className="card" aria-labelledby={ids.heading} data-testid="campaigns-saved">
      <h2 id={ids.heading}>{t('campaigns.saved')}</h2>
      {segments.length === 0 && <p className="hint">{t('campaigns.savedNone')}</p>}
      <ul className="plain-list">
        {segments.map((segment) => (
          <li
            key={segment.id}
            className="row-actions"
            aria-current={segment.id === selectedId ? 'true' : undefined}
          >
            <span>{segment.name}</span>
            <button type="button" onClick={() => onUse(segment)} data-testid={`campaigns-use-${segment.id}`}>
              {t('campaigns.use')}
            </button>
            <button type="button" onClick={() => void run((token) => removeSegment(token, segment.id))}>
              {t('campaigns.delete')}
            </button>
          </li>
        ))}
      </ul>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.name}>{t('campaigns.saveName')}</label>
          <input
            id={ids.name}
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
            data-testid="campaigns-save-name"
          />
        </div>
      </div>
      <button
        type="button"
        disabled={name.trim() === ''}
        onClick={() => void save()}
        data-testid="campaigns-save"
      >
        {t('campaigns.save')}
      </button>
      <FailureLine failure={failure} testId="campaigns-saved-error" />
    </section>
  );
}
