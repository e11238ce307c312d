import { describe, expect, it } from 'vitest';
import { journeyStatus, journeyStatusText, type QuestView } from '../../client/passport/journeyStatus.ts';
import type { Quest } from '../../shared/content/quest-schema.ts';
import { quests } from '../../shared/content/quests.ts';
import type { QuestsSnapshot } from '../../shared/protocol/quests.ts';
import { seedPublishedContent } from '../support/published-content.ts';

const quest = (id: string): Quest => {
  const found = quests.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no quest ${id}`);
  return found;
};

const view = (id: string, partial: Partial<QuestView> = {}): QuestView => ({
  id,
  status: 'active',
  completions: 0,
  completedAt: null,
  availableAt: null,
  steps: [],
  ...partial,
});

const snapshotOf = (views: QuestView[]): QuestsSnapshot => ({
  quests: views,
  stamps: [],
  prizes: [],
  points: 0,
  status: { level: 'guest', stamps: 0, next: null },
});

// Dates are shown in the member's own time zone; pin one so the expected text holds on any machine.
process.env.TZ = 'UTC';

const DAY = 86_400_000;
const winter = quest('winter-lights');
const winterStarts = Date.parse(winter.startsAt ?? '');

// The lounge has the published content once GET /api/content answered; these read names from it.
seedPublishedContent();

describe('journeyStatus', () => {
  it('names the prerequisite a locked journey waits for', () => {
    const locked = view('winter-lights', { status: 'locked' });
    const snapshot = snapshotOf([view('first-visit'), locked]);
    expect(journeyStatus(locked, winter, snapshot)).toEqual({ kind: 'locked', needs: ['first-visit'] });
    expect(journeyStatusText({ kind: 'locked', needs: ['first-visit'] }, 'en')).toBe(
      'Locked: finish First Visit first.',
    );
    expect(journeyStatusText({ kind: 'locked', needs: ['first-visit'] }, 'zh-Hant')).toContain('初次到訪');
  });

  it('gives an upcoming journey its start date in the member language', () => {
    const status = journeyStatus(view('winter-lights', { status: 'upcoming' }), winter, snapshotOf([]));
    expect(status).toEqual({ kind: 'upcoming', at: winterStarts });
    expect(journeyStatusText(status, 'en')).toBe('Starts Dec 1, 2026');
    expect(journeyStatusText(status, 'vi')).toMatch(/^Bắt đầu .*2026/);
  });

  it('says when a repeatable journey opens again, unless it reopens after the season', () => {
    const again = winterStarts + 2 * DAY;
    const done = view('winter-lights', {
      status: 'completed',
      completions: 1,
      completedAt: again - DAY,
      availableAt: again,
    });
    expect(journeyStatus(done, winter, snapshotOf([done]))).toEqual({ kind: 'repeatable', at: again });
    const late = { ...done, availableAt: Date.parse(winter.endsAt ?? '') + DAY };
    expect(journeyStatus(late, winter, snapshotOf([late]))).toEqual({
      kind: 'completed',
      at: done.completedAt,
    });
  });

  it('shows a one-off completed journey with its date, and active and ended as they are', () => {
    const firstVisit = quest('first-visit');
    const done = view('first-visit', {
      status: 'completed',
      completions: 1,
      completedAt: Date.UTC(2026, 2, 12),
    });
    const status = journeyStatus(done, firstVisit, snapshotOf([done]));
    expect(journeyStatusText(status, 'en')).toBe('Completed Mar 12, 2026');
    expect(journeyStatus(view('first-visit'), firstVisit, snapshotOf([]))).toEqual({ kind: 'active' });
    expect(journeyStatusText({ kind: 'ended' }, 'zh-Hans')).toBe('已结束');
    expect(journeyStatusText({ kind: 'active' }, 'en')).toBe('In progress');
  });
});
