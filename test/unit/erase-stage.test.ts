import { describe, expect, it } from 'vitest';
import { emptyStage, removeMemberFromStage } from '../../server/live-events/stage-snapshot.ts';

describe('removeMemberFromStage', () => {
  it('clears the host seat, spotlight, pinned question and mute of the erased member only', () => {
    const stage = {
      ...emptyStage(),
      hostId: 'm1',
      hostName: 'Ann',
      hostPresent: true,
      spotlightId: 'm1',
      spotlightName: 'Ann',
      pinned: { id: 'q1', memberId: 'm1', name: 'Ann', text: 'Gate change?', at: 5 },
      muted: ['m1', 'm2'],
      announcement: 'Welcome',
    };
    expect(removeMemberFromStage(stage, 'm1')).toBe(true);
    expect(stage).toEqual({ ...emptyStage(), muted: ['m2'], announcement: 'Welcome' });
  });

  it('leaves a stage without the member untouched', () => {
    const stage = { ...emptyStage(), spotlightId: 'm2', spotlightName: 'Bo', muted: ['m3'] };
    expect(removeMemberFromStage(stage, 'm1')).toBe(false);
    expect(stage).toEqual({ ...emptyStage(), spotlightId: 'm2', spotlightName: 'Bo', muted: ['m3'] });
  });
});
