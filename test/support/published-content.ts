import { useLayoverStore } from '../../client/core/store.ts';
import { roomGates } from '../../shared/content/gates.ts';
import { prizes } from '../../shared/content/prizes.ts';
import { quests } from '../../shared/content/quests.ts';
import { stamps } from '../../shared/content/stamps.ts';
import { statusLevels } from '../../shared/content/status.ts';
import type { MemberContent } from '../../shared/protocol/content.ts';

/** The seed content as GET /api/content serves it at version 1 (trivia packs left out: members never see them). */
export function seedMemberContent(version = 1): MemberContent {
  return {
    version,
    quests: [...quests],
    stamps: [...stamps],
    prizes: [...prizes],
    statusLevels: [...statusLevels],
    gates: roomGates,
    triviaPacks: [],
  };
}

/** Puts the seed content into the client store, as the lounge has it once GET /api/content answered. */
export function seedPublishedContent(): void {
  useLayoverStore.getState().setContent(seedMemberContent(), '"v1"');
}
