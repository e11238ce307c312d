import type { HallId } from '../../../shared/content/live-events.ts';
import type { MessageKey } from '../../core/i18n/en.ts';

const HALL_KEYS: Readonly<Record<HallId, MessageKey>> = {
  'main-stage': 'event.hall.mainStage',
  'sky-terrace': 'event.hall.skyTerrace',
};

/** The hall's name in the member's language (the board shows its ASCII name from shared content). */
export function hallLabelKey(hall: string): MessageKey {
  return HALL_KEYS[hall as HallId] ?? 'event.hall.mainStage';
}
