import { buildClient, clientBuildIsStale } from './client-build.ts';
import { loadConfig } from './config.ts';
import { bootLayover, type RunningLayover } from './main.ts';
import { createLogger, type Logger } from './observability/logger.ts';

/**
 * `npm start` (built client) and `npm run dev` (Vite hot reload): one process, one port, Ctrl-C stops all of it.
 * The boot steps and the "open" line are the command's own output (plain lines on stdout); events are log lines.
 */
async function main(logger: Logger): Promise<void> {
  const dev = process.argv.includes('--dev');
  const config = loadConfig(process.env, { dev });
  let booting: Promise<RunningLayover> | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nLayover: ${signal} received, stopping ...`);
    // A signal during boot waits for boot to finish, then undoes it: nothing it started is left behind.
    // A cleanup that hangs (a busy chain node) must not keep the process, and with it anvil, alive.
    setTimeout(() => {
      console.log('Layover: shutdown took over 20 s; exiting anyway.');
      process.exit(1);
    }, 20_000).unref();
    const running = await booting?.catch(() => undefined);
    await running?.stop();
    console.log('Layover: stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // CLIENT_BUILD=skip: a headless process (an oracle worker, a test) serves no client and need not build one.
  if (!dev && process.env.CLIENT_BUILD !== 'skip' && clientBuildIsStale()) {
    console.log('[0/5] client: building with Vite (first run, or sources changed) ...');
    await buildClient();
    console.log('[0/5] client: built into dist/client');
  }
  booting = bootLayover(config, { logger });
  const running = await booting;
  if (stopping) return;
  console.log(
    `\nLayover lounge is open: ${running.url}\n${dev ? '(dev mode: Vite hot reload)\n' : ''}Press Ctrl-C to stop.`,
  );
}

// LOG_LEVEL and LOG_FORMAT are read first: a bad value stops here with what is wrong.
const logger = createLogger();
main(logger).catch((err) => {
  logger.fatal({ err }, 'Layover stopped on an error');
  process.exit(1);
});
