import { useId } from 'react';
import type { MemberContent } from '../../../shared/protocol/content.ts';
import type { CampaignView } from '../../../shared/protocol/segments.ts';
import { useT } from '../i18n/useT.ts';
import { useConsoleStore } from '../store.ts';

/** Campaigns sent, newest first, with how far each went: members, prizes minted, emails sent, notices seen. */
export function CampaignList({
  campaigns,
  content,
}: {
  campaigns: readonly CampaignView[];
  content: MemberContent | null;
}) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const heading = useId();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const what = (campaign: CampaignView) => {
    const sent = campaign.content;
    if (sent.kind === 'drop')
      return content?.prizes.find((p) => p.id === sent.prizeId)?.name[locale] ?? sent.prizeId;
    if (sent.kind === 'announcement') return sent.title[locale] || sent.title.en;
    return sent.eventId;
  };
  return (
    <section className="card" aria-labelledby={heading} data-testid="campaigns-list">
      <h2 id={heading}>{t('campaigns.list')}</h2>
      {campaigns.length === 0 ? (
        <p className="hint">{t('campaigns.listNone')}</p>
      ) : (
        <div className="table-scroll">
          <table className="stack-table">
            <thead>
              <tr>
                <th scope="col">{t('campaigns.col.when')}</th>
                <th scope="col">{t('campaigns.col.kind')}</th>
                <th scope="col">{t('campaigns.col.what')}</th>
                <th scope="col">{t('campaigns.col.segment')}</th>
                <th scope="col">{t('campaigns.col.members')}</th>
                <th scope="col">{t('campaigns.col.minted')}</th>
                <th scope="col">{t('campaigns.col.emailed')}</th>
                <th scope="col">{t('campaigns.col.seen')}</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((campaign) => (
                <tr key={campaign.id} data-testid={`campaigns-row-${campaign.id}`}>
                  <td data-label={t('campaigns.col.when')}>{when.format(new Date(campaign.createdAt))}</td>
                  <td data-label={t('campaigns.col.kind')}>{t(`campaigns.kind.${campaign.kind}`)}</td>
                  <td data-label={t('campaigns.col.what')}>{what(campaign)}</td>
                  <td data-label={t('campaigns.col.segment')}>
                    {campaign.segmentName ?? t('campaigns.inlineSegment')}
                  </td>
                  <td data-label={t('campaigns.col.members')}>{campaign.counts.members}</td>
                  <td data-label={t('campaigns.col.minted')}>
                    {campaign.kind === 'drop' ? campaign.counts.minted : '–'}
                  </td>
                  <td data-label={t('campaigns.col.emailed')}>
                    {campaign.kind === 'drop' ? '–' : campaign.counts.emailed}
                  </td>
                  <td data-label={t('campaigns.col.seen')}>
                    {campaign.kind === 'drop' ? '–' : campaign.counts.seen}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
