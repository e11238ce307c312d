import type { Quest } from '../../shared/content/quest-schema.ts';
import type { QuestsSnapshot } from '../../shared/protocol/quests.ts';
import { questTitle } from '../core/content.ts';
import type { Locale } from '../core/i18n/translate.ts';
import { translate } from '../core/i18n/translate.ts';

export type QuestView = QuestsSnapshot['quests'][number];

/** What a journey's status line says, before it is put into words. */
export type JourneyStatus =
  | { kind: 'locked'; needs: string[] }
  | { kind: 'upcoming'; at: number }
  | { kind: 'active' }
  | { kind: 'completed'; at: number | null }
  | { kind: 'repeatable'; at: number }
  | { kind: 'ended' };

/** Picks the status line of one journey from the server's view of it and the quest's content. */
export function journeyStatus(view: QuestView, quest: Quest, snapshot: QuestsSnapshot): JourneyStatus {
  switch (view.status) {
    case 'locked': {
      const done = new Set(snapshot.quests.filter((q) => q.completions > 0).map((q) => q.id));
      const needs = quest.prerequisites.filter((id) => !done.has(id));
      return { kind: 'locked', needs: needs.length > 0 ? needs : quest.prerequisites };
    }
    case 'upcoming':
      return quest.startsAt ? { kind: 'upcoming', at: Date.parse(quest.startsAt) } : { kind: 'active' };
    case 'completed': {
      const reopens = view.availableAt;
      const closes = quest.endsAt ? Date.parse(quest.endsAt) : Number.POSITIVE_INFINITY;
      return reopens !== null && reopens < closes
        ? { kind: 'repeatable', at: reopens }
        : { kind: 'completed', at: view.completedAt };
    }
    case 'ended':
      return { kind: 'ended' };
    default:
      return { kind: 'active' };
  }
}

/** The status line in the member's language; quest titles and dates are localized too. */
export function journeyStatusText(status: JourneyStatus, locale: Locale): string {
  switch (status.kind) {
    case 'locked': {
      const names = status.needs.map((id) => questTitle(id, locale));
      const list = new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
      return translate(locale, 'journal.locked', { quest: list });
    }
    case 'upcoming':
      return translate(locale, 'journal.upcoming', { date: status.at });
    case 'completed':
      return status.at === null
        ? translate(locale, 'journal.completed')
        : translate(locale, 'journal.completedOn', { date: status.at });
    case 'repeatable':
      return translate(locale, 'journal.availableAgain', { date: status.at });
    case 'ended':
      return translate(locale, 'journal.ended');
    default:
      return translate(locale, 'journal.active');
  }
}
