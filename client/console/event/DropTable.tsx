import type { ConsoleDropView } from '../../../shared/protocol/live-events.ts';
import { useT } from '../i18n/useT.ts';
import { formatWhen } from '../localTime.ts';
import { prizeName } from '../names.ts';
import { useConsoleStore } from '../store.ts';

/** Released drops with the numbers a host checks live, and a raffle's commit and seed for anyone to verify. */
export function DropTable({ drops }: { drops: ConsoleDropView[] }) {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  return (
    <section className="panel wide" aria-labelledby="live-drops">
      <h3 id="live-drops">{t('live.drops')}</h3>
      {drops.length === 0 ? (
        <p className="hint">{t('live.noDrops')}</p>
      ) : (
        <div className="table-scroll">
          <table className="stack-table">
            <thead>
              <tr>
                <th scope="col">{t('live.dropPrize')}</th>
                <th scope="col">{t('live.dropMode')}</th>
                <th scope="col">{t('live.dropClaimed')}</th>
                <th scope="col">{t('live.dropEntrants')}</th>
                <th scope="col">{t('live.dropDelivered')}</th>
                <th scope="col">{t('live.dropCloses')}</th>
                <th scope="col">{t('live.dropCommit')}</th>
                <th scope="col">{t('live.dropSeed')}</th>
              </tr>
            </thead>
            <tbody>
              {drops.map((drop) => (
                <tr key={drop.dropId} data-testid={`console-live-drop-${drop.dropId}`}>
                  <th scope="row" data-label={t('live.dropPrize')}>
                    {prizeName(drop.prizeId, locale)} <span className="hint">({drop.dropId})</span>
                  </th>
                  <td data-label={t('live.dropMode')}>{t(`form.mode.${drop.mode}`)}</td>
                  <td data-label={t('live.dropClaimed')}>
                    {drop.claimed} / {drop.supply}
                  </td>
                  <td data-label={t('live.dropEntrants')}>{drop.entrants}</td>
                  <td data-label={t('live.dropDelivered')}>{drop.delivered}</td>
                  <td data-label={t('live.dropCloses')}>
                    {drop.closesAt ? formatWhen(drop.closesAt, locale) : '—'}
                  </td>
                  <td data-label={t('live.dropCommit')}>
                    <Hash value={drop.commit} />
                  </td>
                  <td data-label={t('live.dropSeed')}>
                    {drop.seed ? (
                      <Hash value={drop.seed} />
                    ) : drop.mode === 'raffle' ? (
                      t('live.notDrawn')
                    ) : (
                      '—'
                    )}
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

/** A long hex value, shortened on screen; the whole value is selectable and in the tooltip. */
function Hash({ value }: { value: string | null }) {
  if (!value) return <>—</>;
  return (
    <code className="hash" title={value}>
      {value.length > 18 ? `${value.slice(0, 10)}…${value.slice(-6)}` : value}
    </code>
  );
}
