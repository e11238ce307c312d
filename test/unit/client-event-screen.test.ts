import { beforeAll, describe, expect, it } from 'vitest';
import { screenContent } from '../../client/hall/screenContent.ts';
import type { StageView } from '../../shared/protocol/stage.ts';
import { seedPublishedContent } from '../support/published-content.ts';

// Prize names come from the published content the lounge loaded (GET /api/content).
beforeAll(seedPublishedContent);

const stage: StageView = {
  eventId: 'launch',
  title: 'Launch party',
  hall: 'main-stage',
  status: 'live',
  endsAt: 0,
  hostId: 'h',
  hostName: 'Ana',
  hostPresent: true,
  announcement: 'Welcome aboard',
  announcementSeq: 1,
  spotlightId: '',
  spotlightName: '',
  poll: null,
  drop: null,
  pinned: null,
};

describe('screenContent', () => {
  it('shows the title and announcement alone when nothing runs', () => {
    const content = screenContent(stage, 'en');
    expect(content).toMatchObject({ title: 'Launch party', announcement: 'Welcome aboard', pollHeading: '' });
    expect([content.pollRows, content.dropLine]).toEqual([[], '']);
  });

  it('lists trivia options with tallies and marks the right answer, in the member language', () => {
    const content = screenContent(
      {
        ...stage,
        poll: {
          id: 'p',
          kind: 'trivia',
          question: 'Q?',
          options: ['Taipei', 'Hanoi'],
          tallies: [1, 3],
          open: false,
          correct: 1,
        },
      },
      'zh-Hant',
    );
    expect(content.pollHeading).toBe('登機門問答');
    expect(content.pollRows).toEqual([
      { label: 'A  Taipei', count: 1, share: 25, correct: false },
      { label: 'B  Hanoi', count: 3, share: 75, correct: true },
    ]);
  });

  it('says how many of an open drop are left, with the prize name', () => {
    const drop = {
      id: 'd',
      prizeId: 'lounge-day-pass',
      mode: 'first' as const,
      supply: 10,
      claimed: 4,
      entrants: 0,
      closesAt: 0,
      state: 'open' as const,
      commit: '',
      seed: '',
    };
    expect(screenContent({ ...stage, drop }, 'en').dropLine).toBe('DROP: Lounge Day Pass · 6 of 10 left');
    expect(screenContent({ ...stage, drop: { ...drop, state: 'closed' } }, 'en')).toMatchObject({
      dropLine: 'DROP CLOSED: Lounge Day Pass',
      dropOpen: false,
    });
  });
});
