import { create } from 'zustand';
import type { Prize } from '../../../shared/content/prizes.ts';
import type { Stamp } from '../../../shared/content/quest-schema.ts';
import type { MemberContent } from '../../../shared/protocol/content.ts';
import { routes } from '../../../shared/protocol/routes.ts';
import { callRoute } from '../../core/http.ts';

interface PublishedContentState {
  /** The live version as members get it (GET /api/content); null until the first answer. */
  content: MemberContent | null;
}

/** The published content the console's other pages name prizes and stamps from (events, drops, reports). */
export const usePublishedContent = create<PublishedContentState>(() => ({ content: null }));

/** Loads the live content; called at start and after each publish or rollback. A failure keeps what is held. */
export async function loadPublishedContent(): Promise<void> {
  try {
    usePublishedContent.setState({ content: await callRoute<MemberContent>(routes.content) });
  } catch (error) {
    console.warn('Layover console: published content did not load', error);
  }
}

/** Stamps as published; empty until loaded. */
export const publishedStamps = (): readonly Stamp[] => usePublishedContent.getState().content?.stamps ?? [];

/** Prizes still offered (a retired prize is left out: nothing new may award it); empty until loaded. */
export const offeredPrizes = (): readonly Prize[] =>
  (usePublishedContent.getState().content?.prizes ?? []).filter((prize) => prize.enabled !== false);

/** Every published prize, retired ones too (reports still name them). */
export const publishedPrizes = (): readonly Prize[] => usePublishedContent.getState().content?.prizes ?? [];
