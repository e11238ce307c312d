import { describe, expect, it } from 'vitest';
import { countedZones } from '../../server/quests/lounge-events.ts';
import { type EarningRule, earningRules } from '../../shared/content/earning-rules.ts';
import { questContent } from '../../shared/content/quests.ts';

describe('countedZones', () => {
  it("names the zones the brand's quests visit, and no other", () => {
    const zones = countedZones(questContent.quests, earningRules);
    expect(zones).not.toBe('every');
    const expected = questContent.quests.flatMap((quest) =>
      quest.steps.flatMap((step) => (step.kind === 'visitZone' ? [step.zone] : [])),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect([...(zones as Set<string>)].sort()).toEqual([...new Set(expected)].sort());
    expect((zones as Set<string>).has('stage')).toBe(false);
  });

  it('counts every zone when an earning rule pays for zone visits', () => {
    const rule = {
      id: 'wander',
      name: { en: 'Wander' },
      on: 'zoneVisited',
      points: 1,
      tierBonus: {},
    } as EarningRule;
    expect(countedZones(questContent.quests, [...earningRules, rule])).toBe('every');
  });

  it('counts nothing when no quest visits a zone and no rule pays for it', () => {
    const quests = questContent.quests.map((quest) => ({
      ...quest,
      steps: quest.steps.filter((step) => step.kind !== 'visitZone'),
    }));
    expect(countedZones(quests, earningRules)).toEqual(new Set());
  });
});
