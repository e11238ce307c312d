import { useId, useState } from 'react';
import type { MemberContent } from '../../../shared/protocol/content.ts';
import type { ConsoleLiveEvent } from '../../../shared/protocol/live-events.ts';
import type {
  CampaignContent,
  CampaignKind,
  CampaignText,
  SegmentFilter,
} from '../../../shared/protocol/segments.ts';
import { useT } from '../i18n/useT.ts';
import { withSession } from '../session.ts';
import { useConsoleStore } from '../store.ts';
import { type CampaignFailure, campaignFailureOf } from './campaignErrors.ts';
import { sendCampaign } from './campaignsApi.ts';
import { FailureLine } from './FailureLine.tsx';
import { LocalizedFields } from './LocalizedFields.tsx';

const KINDS: readonly CampaignKind[] = ['drop', 'announcement', 'invitation'];
const blank: CampaignText = { en: '' };
/** Drops the languages left empty, so the server falls back to English for them. */
const filled = (text: CampaignText): CampaignText =>
  Object.fromEntries(Object.entries(text).filter(([, value]) => value?.trim())) as CampaignText;

/**
 * What to send to the segment in the builder (or the saved one in use): a prize drop, an announcement or an
 * invitation; a confirm step names the kind and the size, and one request id covers every retry of that send.
 */
export function SendPanel({
  filter,
  segmentId,
  size,
  content,
  events,
  onSent,
}: {
  filter: SegmentFilter;
  segmentId: string | null;
  size: number | null;
  content: MemberContent | null;
  events: readonly ConsoleLiveEvent[];
  onSent: () => void;
}) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const ids = { heading: useId(), prize: useId(), event: useId() };
  const [kind, setKind] = useState<CampaignKind>('announcement');
  const [prizeId, setPrizeId] = useState('');
  const [eventId, setEventId] = useState('');
  const [title, setTitle] = useState<CampaignText>(blank);
  const [body, setBody] = useState<CampaignText>(blank);
  const [review, setReview] = useState<{ requestId: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<CampaignFailure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const open = events.filter((event) => event.status === 'scheduled' || event.status === 'live');
  const prizes = (content?.prizes ?? []).filter(
    (prize) => (prize as { enabled?: boolean }).enabled !== false,
  );

  const payload = (): CampaignContent =>
    kind === 'drop'
      ? { kind, prizeId }
      : kind === 'announcement'
        ? { kind, title: filled(title), body: filled(body) }
        : { kind, eventId, message: filled(body) };
  const send = async () => {
    if (!review) return;
    setBusy(true);
    setFailure(null);
    try {
      const audience = segmentId ? { segmentId } : { filter };
      const answer = await withSession((token) =>
        sendCampaign(token, { requestId: review.requestId, ...audience, content: payload() }),
      );
      setDone(
        answer.created
          ? t('campaigns.sent', { count: answer.campaign.counts.members })
          : t('campaigns.alreadySent'),
      );
      setReview(null);
      onSent();
    } catch (error) {
      setFailure(campaignFailureOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={ids.heading} data-testid="campaigns-send">
      <h2 id={ids.heading}>{t('campaigns.send')}</h2>
      <fieldset className="choice-group">
        <legend>{t('campaigns.sendKind')}</legend>
        {KINDS.map((value) => (
          <label key={value} className="check">
            <input
              type="radio"
              name={`${ids.heading}-kind`}
              checked={kind === value}
              onChange={() => {
                setKind(value);
                setReview(null);
              }}
              data-testid={`campaigns-kind-${value}`}
            />
            {t(`campaigns.kind.${value}`)}
          </label>
        ))}
      </fieldset>
      {kind === 'drop' && (
        <div className="field">
          <label htmlFor={ids.prize}>{t('campaigns.prize')}</label>
          <select
            id={ids.prize}
            value={prizeId}
            onChange={(e) => setPrizeId(e.target.value)}
            data-testid="campaigns-prize"
          >
            <option value="" />
            {prizes.map((prize) => (
              <option key={prize.id} value={prize.id}>
                {prize.name[locale]}
              </option>
            ))}
          </select>
        </div>
      )}
      {kind === 'invitation' && (
        <div className="field">
          <label htmlFor={ids.event}>{t('campaigns.event')}</label>
          <select
            id={ids.event}
            value={eventId}
            onChange={(e) => setEventId(e.target.value)}
            data-testid="campaigns-event"
          >
            <option value="">{open.length === 0 ? t('campaigns.eventNone') : ''}</option>
            {open.map((event) => (
              <option key={event.id} value={event.id}>
                {event.title}
              </option>
            ))}
          </select>
        </div>
      )}
      {kind === 'announcement' && (
        <LocalizedFields
          field={t('campaigns.title')}
          value={title}
          onChange={setTitle}
          testId="campaigns-title"
        />
      )}
      {kind !== 'drop' && (
        <LocalizedFields
          field={t('campaigns.body')}
          value={body}
          onChange={setBody}
          multiline
          testId="campaigns-body"
        />
      )}
      {!review ? (
        <button
          type="button"
          className="primary"
          onClick={() => {
            setDone(null);
            setFailure(null);
            setReview({ requestId: crypto.randomUUID() });
          }}
          data-testid="campaigns-review"
        >
          {t('campaigns.review')}
        </button>
      ) : (
        <fieldset className="confirm" data-testid="campaigns-confirm">
          <legend>{t('campaigns.review')}</legend>
          <p>{t('campaigns.confirm', { kind: t(`campaigns.kind.${kind}`), count: size ?? 0 })}</p>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void send()}
            data-testid="campaigns-confirm-send"
          >
            {t('campaigns.confirmSend')}
          </button>
          <button type="button" disabled={busy} onClick={() => setReview(null)}>
            {t('campaigns.cancel')}
          </button>
        </fieldset>
      )}
      <p className={done ? 'note' : undefined} role="status" data-testid="campaigns-sent">
        {done ?? ''}
      </p>
      <FailureLine failure={failure} testId="campaigns-send-error" />
    </section>
  );
}
