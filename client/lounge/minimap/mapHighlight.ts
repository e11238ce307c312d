import { create } from 'zustand';

/** The destination the map points out (a zone id), set by the guided arrival; null when none. */
export const useMapHighlight = create<{ zone: string | null }>(() => ({ zone: null }));

export function highlightOnMap(zone: string | null): void {
  useMapHighlight.setState({ zone });
}
