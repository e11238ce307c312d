import type { GateRule } from '../../shared/content/gates.ts';
import type { GateService } from '../chain/gate-service.ts';
import type { ContentSnapshot } from './snapshot.ts';

/**
 * Puts a published version's gate rules into the gate service's rule map, which admission and the seat checks read
 * at each join and recheck. The Transfer watcher keeps the contracts it was started with; a gate naming a new
 * contract is read on each join and recheck instead.
 */
export function applyGateRules(gates: GateService, snapshot: ContentSnapshot): void {
  const rules = gates.rules as Map<string, GateRule>;
  if (!(rules instanceof Map)) return;
  rules.clear();
  for (const gate of snapshot.bundle.gates) rules.set(gate.room, gate.rule);
}
