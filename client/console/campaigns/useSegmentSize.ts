import { useEffect, useState } from 'react';
import type { SegmentFilter, SegmentPreview } from '../../../shared/protocol/segments.ts';
import { withSession } from '../session.ts';
import { type CampaignFailure, campaignFailureOf } from './campaignErrors.ts';
import { previewSegment } from './campaignsApi.ts';

/** How long the builder waits after the last change before it counts again. */
const SETTLE_MS = 300;

/** The live size of a filter: counted again (debounced) whenever the filter changes; the last answer wins. */
export function useSegmentSize(filter: SegmentFilter): {
  preview: SegmentPreview | null;
  failure: CampaignFailure | null;
  loading: boolean;
} {
  const key = JSON.stringify(filter);
  const [state, setState] = useState<{ preview: SegmentPreview | null; failure: CampaignFailure | null }>({
    preview: null,
    failure: null,
  });
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let live = true;
    setLoading(true);
    const timer = setTimeout(async () => {
      try {
        const preview = await withSession((token) => previewSegment(token, JSON.parse(key)));
        if (live) setState({ preview, failure: null });
      } catch (error) {
        if (live) setState({ preview: null, failure: campaignFailureOf(error) });
      } finally {
        if (live) setLoading(false);
      }
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  return { ...state, loading };
}
