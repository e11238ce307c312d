import { access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import type { Presence } from '@colyseus/core';
import type { Config } from '../config.ts';
import type { AppLogger } from '../context.ts';
import { type JanusProcess, spawnJanus } from './janus-process.ts';
import { type MediaService, startMediaService } from './service.ts';
import { MEDIA_WS_PATH } from './ws-proxy.ts';

/** Live media of one Layover process: the service (ctx.media), where /media/ws goes, and the shutdown. */
export interface StartedMedia {
  service: MediaService;
  /** The spawned Janus (tests kill it), undefined with JANUS_WS_URL. */
  janus: JanusProcess | undefined;
  /** Janus' ws address for the /media/ws proxy. */
  upstream: { host: string; port: number };
  stop: () => Promise<void>;
}

/**
 * Starts media when MEDIA is not off and Janus is there (JANUS_WS_URL, or JANUS_BIN spawned with a config written
 * under DATA_DIR/janus); undefined otherwise (the lounge and the halls go on without media). A spawned Janus that
 * dies is started again, and the service recreates its rooms.
 */
export async function startMedia(
  config: Config,
  logger: AppLogger,
  presence: Presence,
): Promise<StartedMedia | undefined> {
  const m = config.media;
  if (m.mode === 'off') return undefined;
  const base = { publicWsUrl: MEDIA_WS_PATH, tokenSeconds: m.tokenSeconds, logger, presence };
  if (m.janusWsUrl) {
    if (!m.tokenSecret || !m.adminKey)
      throw new Error('Layover: JANUS_WS_URL needs JANUS_TOKEN_SECRET and JANUS_ADMIN_KEY');
    const url = new URL(m.janusWsUrl);
    const service = startMediaService({
      ...base,
      janusUrl: m.janusWsUrl,
      tokenSecret: m.tokenSecret,
      roomAdminKey: m.adminKey,
    });
    const upstream = { host: url.hostname, port: Number(url.port || 80) };
    return { service, janus: undefined, upstream, stop: service.stop };
  }
  const installed = await access(m.janusBin, constants.X_OK).then(
    () => true,
    () => false,
  );
  if (!installed) {
    if (m.mode === 'on') throw new Error(`Layover: MEDIA=on but ${m.janusBin} is not installed`);
    logger.info(`media: off (${m.janusBin} not installed; apt-get install -y janus)`);
    return undefined;
  }
  const janus = await spawnJanus(m.janusBin, join(config.dataDir, 'janus'));
  const service = startMediaService({
    ...base,
    janusUrl: janus.wsUrl,
    tokenSecret: janus.settings.tokenSecret,
    roomAdminKey: janus.settings.roomAdminKey,
    onDown: janus.restart,
  });
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 15_000);
    const off = service.onStatus((status) => {
      if (status !== 'up') return;
      clearTimeout(timer);
      off();
      resolve(true);
    });
  });
  if (!ready)
    logger.warn(`media: Janus not answering on ${janus.wsUrl} yet (log: ${janus.settings.logFile})`);
  return {
    service,
    janus,
    upstream: { host: '127.0.0.1', port: janus.settings.wsPort },
    stop: async () => {
      await service.stop();
      await janus.stop();
    },
  };
}
