import { describe, expect, it } from 'vitest';
import { unstartedJourney } from '../../client/passport/unstartedJourney.ts';
import type { Quest } from '../../shared/content/quest-schema.ts';
import { quests } from '../../shared/content/quests.ts';
import type { QuestsSnapshot } from '../../shared/protocol/quests.ts';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const base = quests[0] as Quest;
const snapshot = (done: string[]): QuestsSnapshot => ({
  quests: done.map((id) => ({
    id,
    status: 'completed',
    completions: 1,
    completedAt: NOW,
    availableAt: null,
    steps: [],
  })),
  stamps: [],
  prizes: [],
  points: 0,
  status: { level: 'guest', stamps: 0, next: null },
});
const quest = (extra: Partial<Quest>): Quest => ({ ...base, id: 'night-owl', prerequisites: [], ...extra });

describe('a journey published after the last snapshot', () => {
  it('is active with every step at zero of its count', () => {
    const view = unstartedJourney(quest({}), snapshot([]), NOW);
    expect(view).toMatchObject({ id: 'night-owl', status: 'active', completions: 0, completedAt: null });
    expect(view.steps).toEqual(
      base.steps.map((step) => ({ id: step.id, kind: step.kind, progress: 0, target: step.count })),
    );
  });

  it('is locked until its prerequisites are done, then follows its dates', () => {
    const gated = quest({ prerequisites: [base.id] });
    expect(unstartedJourney(gated, snapshot([]), NOW).status).toBe('locked');
    expect(unstartedJourney(gated, snapshot([base.id]), NOW).status).toBe('active');
    expect(unstartedJourney(quest({ startsAt: '2026-12-08T00:00:00Z' }), snapshot([]), NOW).status).toBe(
      'upcoming',
    );
    expect(unstartedJourney(quest({ endsAt: '2026-12-01T00:00:00Z' }), snapshot([]), NOW).status).toBe(
      'ended',
    );
  });
});
