import { defineConfig } from 'drizzle-kit';

/** drizzle-kit reads the ledger's Drizzle schema and writes the SQL migrations the server applies at boot. */
export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './server/db/schema.ts',
    './server/db/live-event-schema.ts',
    './server/db/points-schema.ts',
    './server/db/passes-schema.ts',
    './server/db/relay-schema.ts',
    './server/db/perks-schema.ts',
    './server/db/brand-schema.ts',
    './server/db/campaigns-schema.ts',
    './server/db/analytics-schema.ts',
    './server/db/content-schema.ts',
    './server/db/team-schema.ts',
    './server/db/nft-index-schema.ts',
  ],
  out: './server/db/migrations',
});
