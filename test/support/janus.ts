import type { Config } from '../../server/config.ts';

/** startTestLayover override that spawns a real Janus (JANUS_BIN or /usr/bin/janus) for the test file. */
export const mediaOn = (tokenSeconds = 120): Pick<Config, 'media'> => ({
  media: {
    mode: 'on',
    janusBin: process.env.JANUS_BIN ?? '/usr/bin/janus',
    janusWsUrl: undefined,
    tokenSecret: undefined,
    adminKey: undefined,
    tokenSeconds,
  },
});
