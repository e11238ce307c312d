import type { ContentRegistry } from './registry.ts';
import { seedBundle } from './seed.ts';
import { snapshotOf } from './snapshot.ts';

/** A registry that never changes (shared/content, version 1): for unit tests' fake contexts and pure tools. */
export function staticContentRegistry(): ContentRegistry {
  const snapshot = snapshotOf(1, seedBundle());
  const refused = async () => ({ ok: false, reason: 'conflict', latest: 1 }) as const;
  return {
    current: () => snapshot,
    preview: () => ({ baseVersion: 1, bundle: snapshot.bundle, issues: [] }),
    publish: refused,
    rollback: refused,
    refresh: async () => {},
    onSwap: () => () => {},
    stop: async () => {},
  };
}
