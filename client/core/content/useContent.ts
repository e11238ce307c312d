import type { MemberContent } from '../../../shared/protocol/content.ts';
import { useLayoverStore } from '../store.ts';

/** The published content; a component calling this re-renders when a new version arrives. */
export function useContent(): MemberContent | null {
  return useLayoverStore((state) => state.content);
}
