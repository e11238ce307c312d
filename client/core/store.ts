import { create } from 'zustand';
import { createSessionSlice, type SessionSlice, sessionReset } from '../account/sessionSlice.ts';
import { createGameSlice, type GameSlice, gameReset } from '../arcade/gameSlice.ts';
import { createEventSlice, type EventSlice, eventReset } from '../hall/eventSlice.ts';
import { type ChatSlice, chatReset, createChatSlice } from '../lounge/chatSlice.ts';
import { createLoungeSlice, type LoungeSlice, loungeReset } from '../lounge/loungeSlice.ts';
import { createNoticesSlice, type NoticesSlice, noticesReset } from '../lounge/noticesSlice.ts';
import { createRoomSlice, type RoomSlice, roomReset } from '../lounge/roomSlice.ts';
import { createQuestsSlice, type QuestsSlice, questsReset } from '../passport/questsSlice.ts';
import { type ContentSlice, createContentSlice } from './content/contentSlice.ts';
import type { StoreReset } from './slice.ts';
import { createUiSlice, type UiSlice, uiReset } from './uiSlice.ts';

// The store root is the one place core reaches into features: it composes their slices (`*Slice.ts`, which import
// only core and shared) and nothing else of them; the import-graph test allows exactly this.

export type LayoverState = SessionSlice &
  RoomSlice &
  LoungeSlice &
  ChatSlice &
  QuestsSlice &
  UiSlice &
  GameSlice &
  EventSlice &
  ContentSlice &
  NoticesSlice &
  StoreReset;

/** What `resetAll` writes: each slice's own reset, so no slice clears another's fields by hand. */
const memberBoundReset: Partial<LayoverState> = {
  ...sessionReset,
  ...roomReset,
  ...loungeReset,
  ...chatReset,
  ...questsReset,
  ...uiReset,
  ...gameReset,
  ...eventReset,
  ...noticesReset,
};

/** The one client store, composed from the features' slices (zustand's slices pattern). */
export const useLayoverStore = create<LayoverState>()((...args) => ({
  ...createSessionSlice(...args),
  ...createRoomSlice(...args),
  ...createLoungeSlice(...args),
  ...createChatSlice(...args),
  ...createQuestsSlice(...args),
  ...createUiSlice(...args),
  ...createGameSlice(...args),
  ...createEventSlice(...args),
  ...createContentSlice(...args),
  ...createNoticesSlice(...args),
  resetAll: () => args[0](memberBoundReset),
}));
