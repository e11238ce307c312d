import { useEffect, useId, useMemo, useState } from 'react';
import type { MemberContent } from '../../../shared/protocol/content.ts';
import { useT } from '../i18n/useT.ts';
import { useRemote } from '../useRemote.ts';
import { CampaignList } from './CampaignList.tsx';
import { fetchCampaigns, fetchContent, fetchEvents, fetchSegments } from './campaignsApi.ts';
import { draftOf, EMPTY_DRAFT, type FilterDraft, filterOf } from './filterDraft.ts';
import { SavedSegments } from './SavedSegments.tsx';
import { SegmentBuilder } from './SegmentBuilder.tsx';
import { SendPanel } from './SendPanel.tsx';
import { useSegmentSize } from './useSegmentSize.ts';
import './campaigns.css';

/**
 * Campaigns: build a segment with its live size, save it, send it a prize drop, an announcement or an invitation
 * after a confirm that names the size, and follow each campaign's counts (polled while the page shows).
 */
export default function CampaignsPage() {
  const t = useT();
  const heading = useId();
  const [draft, setDraft] = useState<FilterDraft>(EMPTY_DRAFT);
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [content, setContent] = useState<MemberContent | null>(null);
  const filter = useMemo(() => filterOf(draft), [draft]);
  const size = useSegmentSize(filter);
  const segments = useRemote(fetchSegments, 'segments');
  const campaigns = useRemote(fetchCampaigns, 'campaigns', 5_000);
  const events = useRemote(fetchEvents, 'events');
  useEffect(() => {
    fetchContent()
      .then(setContent)
      .catch(() => setContent(null));
  }, []);
  const edit = (next: FilterDraft) => {
    setDraft(next);
    setSegmentId(null);
  };

  return (
    <>
      <section className="card" aria-labelledby={heading}>
        <h2 id={heading}>{t('campaigns.heading')}</h2>
        <p className="hint">{t('campaigns.intro')}</p>
      </section>
      <div className="campaigns-layout">
        <SegmentBuilder draft={draft} onChange={edit} content={content} size={size} />
        <div className="campaigns-side">
          <SavedSegments
            segments={segments.data?.segments ?? []}
            filter={filter}
            selectedId={segmentId}
            onUse={(segment) => {
              setDraft(draftOf(segment.filter));
              setSegmentId(segment.id);
            }}
            onChanged={segments.reload}
          />
          <SendPanel
            filter={filter}
            segmentId={segmentId}
            size={size.preview?.size ?? null}
            content={content}
            events={events.data?.events ?? []}
            onSent={campaigns.reload}
          />
        </div>
      </div>
      <CampaignList campaigns={campaigns.data?.campaigns ?? []} content={content} />
    </>
  );
}
