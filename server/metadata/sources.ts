import { catalogue } from '../../shared/content/catalogue.ts';
import { games } from '../../shared/content/games.ts';
import type { Prize } from '../../shared/content/prizes.ts';
import type { Quest, Stamp } from '../../shared/content/quest-schema.ts';
import type { MetadataLocale } from '../../shared/protocol/metadata.ts';
import { metadataTexts } from './texts.ts';

/** How a member earns a stamp, in one language: the published journeys that award it, else live-event attendance. */
export function stampSources(stamp: Stamp, locale: MetadataLocale, quests: readonly Quest[]): string {
  const texts = metadataTexts[locale];
  const journeys = quests
    .filter((quest) => quest.rewards.stamps.includes(stamp.id))
    .map((quest) => texts.questJourney(quest.title[locale]));
  return (journeys.length > 0 ? journeys : [texts.liveEvents]).join(texts.or);
}

/** How a member gets a prize, in one language: published journeys, game wins, the points catalogue, live-event drops. */
export function prizeSources(prize: Prize, locale: MetadataLocale, quests: readonly Quest[]): string {
  const texts = metadataTexts[locale];
  const ways = [
    ...quests
      .filter((quest) => quest.rewards.prizes.includes(prize.id))
      .map((quest) => texts.questJourney(quest.title[locale])),
    ...games.filter((game) => game.winnerPrize === prize.id).map((game) => texts.gameWin(game.name[locale])),
    ...catalogue
      .filter((item) => item.reward.type === 'prize' && item.reward.prizeId === prize.id)
      .map((item) => texts.pointsCatalogue(item.name[locale])),
    // Any prize can be a drop the brand schedules in the console.
    texts.eventDrops,
  ];
  return ways.join(texts.or);
}
