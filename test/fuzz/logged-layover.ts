import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, loadConfig } from '../../server/config.ts';
import { bootLayover, type RunningLayover } from '../../server/main.ts';
import { createLogger } from '../../server/observability/logger.ts';

/** A running Layover whose every JSON log line is kept, for tests that count or read what the server logged. */
export interface LoggedLayover extends RunningLayover {
  logLines: string[];
}

/** Like `startTestLayover` (own anvil, PGlite in a temp folder, free ports), with the server's log lines captured. */
export async function startLoggedLayover(overrides: Partial<Config> = {}): Promise<LoggedLayover> {
  const dir = await mkdtemp(join(tmpdir(), 'layover-fuzz-'));
  const logLines: string[] = [];
  const config = loadConfig(
    { TEST_HOOKS: 'on' },
    {
      port: 0,
      anvilPort: 0,
      dataDir: join(dir, 'data'),
      deploymentsDir: join(dir, 'deployments'),
      ...overrides,
    },
  );
  const logger = createLogger({
    level: 'info',
    format: 'json',
    destination: { write: (line: string) => void logLines.push(line) },
  });
  try {
    const running = await bootLayover(config, { log: () => {}, logger });
    return {
      ...running,
      logLines,
      stop: async () => {
        await running.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
