import { describe, expect, it } from 'vitest';
import { checkQuestContent, parseItems, Quest } from '../../shared/content/quest-schema.ts';
import { questContent } from '../../shared/content/quests.ts';

const text = { en: 't', 'zh-Hant': 't', 'zh-Hans': 't', vi: 't' };
const good = {
  id: 'sample',
  title: text,
  description: text,
  steps: [{ id: 'window', kind: 'visitZone', zone: 'window', label: text }],
  rewards: { stamps: ['first-visit'] },
};
const parse = (quest: unknown) => parseItems('shared/content/quests.ts', 'quest', Quest, [quest]);

describe('quest content', () => {
  it('ships valid journeys with every language filled in', () => {
    expect(questContent.quests.map((quest) => quest.id)).toEqual([
      'first-visit',
      'frequent-flyer',
      'winter-lights',
      'partner-lounge',
      'collector',
    ]);
    expect(questContent.levels.map((level) => [level.id, level.minStamps])).toEqual([
      ['guest', 0],
      ['explorer', 1],
      ['frequent-flyer', 3],
      ['jetsetter', 6],
    ]);
  });

  it.each([
    ['an unknown zone', { steps: [{ ...good.steps[0], zone: 'runway' }] }, 'steps.0.zone'],
    ['an unknown step kind', { steps: [{ id: 'x', kind: 'fly', label: text }] }, 'steps.0.kind'],
    ['a missing translation', { title: { en: 'x', 'zh-Hant': 'x', 'zh-Hans': 'x' } }, 'title.vi'],
    ['an extra field', { bonus: 1 }, '(root)'],
    ['no steps', { steps: [] }, 'steps'],
    ['a zero count', { steps: [{ ...good.steps[0], count: 0 }] }, 'steps.0.count'],
    [
      'an end before the start',
      { startsAt: '2027-01-02T00:00:00Z', endsAt: '2027-01-01T00:00:00Z' },
      'endsAt',
    ],
    ['a bad time', { startsAt: 'tomorrow' }, 'startsAt'],
    ['a negative cooldown', { repeatable: { cooldownHours: -1 } }, 'repeatable.cooldownHours'],
    ['negative points', { rewards: { points: -5 } }, 'rewards.points'],
    [
      'an emoteNear without a distance',
      { steps: [{ id: 'w', kind: 'emoteNear', label: text }] },
      'steps.0.withinM',
    ],
  ])('rejects %s, naming the file, the quest and the field', (_what, patch, field) => {
    expect(() => parse({ ...good, ...patch })).toThrow(
      new RegExp(`bad quest "sample" in shared/content/quests\\.ts: .*${field.replace(/[.()]/g, '\\$&')}`),
    );
  });

  it('rejects references to quests and stamps that do not exist', () => {
    const check = (quest: unknown) =>
      checkQuestContent('shared/content/quests.ts', { ...questContent, quests: parse(quest) });
    expect(() => check({ ...good, prerequisites: ['nope'] })).toThrow(
      'Layover: bad quest "sample" in shared/content/quests.ts: prerequisites.0: unknown quest "nope"',
    );
    expect(() => check({ ...good, rewards: { stamps: ['nope'] } })).toThrow(
      /rewards\.stamps\.0: unknown stamp/,
    );
    expect(() =>
      checkQuestContent('shared/content/quests.ts', {
        ...questContent,
        quests: [...parse(good), ...parse(good)],
      }),
    ).toThrow(/"sample".*id: duplicate quest id/);
  });
});
