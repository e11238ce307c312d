import type { ConsoleLiveView } from '../../../shared/protocol/live-events.ts';
import { useT } from '../i18n/useT.ts';

/** Each open copy of the hall with how full it is; overflow instances open as one fills. */
export function InstanceList({ instances }: { instances: ConsoleLiveView['instances'] }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="live-instances">
      <h3 id="live-instances">{t('live.instances')}</h3>
      {instances.length === 0 ? (
        <p className="hint">{t('live.noInstances')}</p>
      ) : (
        <ul className="plain-list">
          {instances.map((instance) => {
            const label = t('live.instance', {
              room: instance.roomId,
              clients: instance.clients,
              max: instance.maxClients,
            });
            return (
              <li key={instance.roomId} className="instance">
                <span>{label}</span>
                <meter
                  min={0}
                  max={instance.maxClients}
                  high={instance.maxClients * 0.9}
                  value={instance.clients}
                  aria-label={label}
                />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
