import type { ChatLine } from '../../shared/protocol/lounge-messages.ts';
import type { Slice } from '../core/slice.ts';

export const CHAT_HISTORY = 50;

/** The room's chat as this client heard it, newest last. */
export interface ChatSlice {
  chatLines: ChatLine[];
  addChatLine: (line: ChatLine) => void;
}

export const chatInitialState = { chatLines: [] as ChatLine[] };

/** A new member starts without the last one's conversation. */
export const chatReset: Partial<ChatSlice> = chatInitialState;

export const createChatSlice: Slice<ChatSlice> = (set) => ({
  ...chatInitialState,
  addChatLine: (line) => set((state) => ({ chatLines: [...state.chatLines, line].slice(-CHAT_HISTORY) })),
});
