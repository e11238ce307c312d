import { roomGates } from '../../shared/content/gates.ts';
import { prizes } from '../../shared/content/prizes.ts';
import { quests } from '../../shared/content/quests.ts';
import { stamps } from '../../shared/content/stamps.ts';
import { statusLevels } from '../../shared/content/status.ts';
import { triviaPacks } from '../../shared/content/trivia-packs.ts';
import type { ContentBundle } from '../../shared/protocol/content.ts';

/** The content a new brand starts from (version 1), and what unit tests run on: shared/content as checked at boot. */
export function seedBundle(): ContentBundle {
  return structuredClone({
    quests: [...quests],
    stamps: [...stamps],
    prizes: [...prizes],
    gates: roomGates,
    statusLevels: [...statusLevels],
    triviaPacks: [...triviaPacks],
  });
}
