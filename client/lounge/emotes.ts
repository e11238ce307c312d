import type { Emote } from '../../shared/protocol/lounge-messages.ts';

/** The glyph each emote shows above an avatar and on its HUD button. */
export const EMOTE_GLYPHS: Record<Emote, string> = { wave: '👋', clap: '👏', cheer: '🎉' };

/** How long an emote floats above an avatar, in milliseconds. */
export const EMOTE_DURATION_MS = 2500;
