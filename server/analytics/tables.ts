import { games as gameContent } from '../../shared/content/games.ts';
import {
  type AnalyticsTable,
  type ProgramAnalytics,
  RETENTION_WEEKS,
  SIGN_IN_KINDS,
} from '../../shared/protocol/analytics.ts';
import type { ContentBundle } from '../../shared/protocol/content.ts';
import type { LOCALES } from '../../shared/protocol/sign-in.ts';

type MemberLocale = (typeof LOCALES)[number];

import type { CsvCell } from './csv.ts';
import { retentionPercent } from './retention.ts';

/** A table as the CSV export writes it. */
export interface FlatTable {
  header: string[];
  rows: CsvCell[][];
}

type Named = { id: string; name: Record<MemberLocale, string> };
const nameIn = (list: readonly Named[], id: string, lang: MemberLocale) =>
  list.find((item) => item.id === id)?.name[lang] ?? id;

/** One table of the analytics page as rows and columns; names of quests, steps, stamps, prizes (the published content's) and games in `lang`. */
export function flatTable(
  table: AnalyticsTable,
  data: ProgramAnalytics,
  lang: MemberLocale,
  content: Pick<ContentBundle, 'quests' | 'stamps' | 'prizes'>,
): FlatTable {
  const { quests, stamps, prizes } = content;
  switch (table) {
    case 'members':
      return {
        header: ['from', 'to', 'members_at_end', 'new_members'],
        rows: [[data.from, data.to, data.members.total, data.members.newInPeriod]],
      };
    case 'newMembers':
      return {
        header: ['day', ...SIGN_IN_KINDS],
        rows: data.newMembers.map((row) => [row.day, ...SIGN_IN_KINDS.map((kind) => row[kind])]),
      };
    case 'activity':
      return { header: ['day', 'dau', 'wau'], rows: data.activity.map((row) => [row.day, row.dau, row.wau]) };
    case 'retention': {
      const weeks = Array.from({ length: RETENTION_WEEKS }, (_, i) => `week_${i + 1}_percent`);
      return {
        header: ['cohort', 'week_start', 'members', ...weeks],
        rows: data.retention.map((row) => [
          row.cohort,
          row.weekStart,
          row.size,
          ...row.active.map((active) => retentionPercent(active, row.size)),
        ]),
      };
    }
    case 'questFunnels':
      return {
        header: ['as_of', 'quest_id', 'quest', 'step', 'step_id', 'step_name', 'members'],
        rows: data.questFunnels.quests.flatMap((funnel) => {
          const quest = quests.find((item) => item.id === funnel.questId);
          const title = quest?.title[lang] ?? funnel.questId;
          const steps: CsvCell[][] = funnel.steps.map((step, index) => [
            data.questFunnels.asOf,
            funnel.questId,
            title,
            index + 1,
            step.stepId,
            quest?.steps.find((item) => item.id === step.stepId)?.label[lang] ?? step.stepId,
            step.members,
          ]);
          return [
            ...steps,
            [data.questFunnels.asOf, funnel.questId, title, null, '', 'completed', funnel.completed],
          ];
        }),
      };
    case 'stamps':
      return {
        header: ['stamp_id', 'stamp', 'issued'],
        rows: data.stamps.map((row) => [row.stampId, nameIn(stamps, row.stampId, lang), row.issued]),
      };
    case 'prizes':
      return {
        header: ['prize_id', 'prize', 'issued', 'delivered', 'pending', 'failed', 'redeemed'],
        rows: data.prizes.map((row) => [
          row.prizeId,
          nameIn(prizes, row.prizeId, lang),
          row.issued,
          row.delivered,
          row.pending,
          row.failed,
          row.redeemed,
        ]),
      };
    case 'games':
      return {
        header: ['game_id', 'game', 'rounds', 'players'],
        rows: data.games.map((row) => [
          row.gameId,
          nameIn(gameContent, row.gameId, lang),
          row.rounds,
          row.players,
        ]),
      };
    case 'events':
      return {
        header: ['event_id', 'title', 'starts_at', 'visitors', 'peak'],
        rows: data.events.map((row) => [row.eventId, row.title, row.startsAt, row.visitors, row.peak]),
      };
  }
}
