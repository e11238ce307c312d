import type { LoungeRoom } from '../net/roomRef.ts';
import { useLayoverStore } from '../store.ts';
import { refreshToVersion } from './loadContent.ts';
import { isNewerVersion } from './revalidate.ts';

/** Refetches the content when the room says a new version was published (lounges and halls alike). */
export function listenForContent(joined: LoungeRoom, live: () => boolean): void {
  joined.onMessage('contentChanged', (message: unknown) => {
    const version = (message as { version?: unknown } | null)?.version;
    if (!live() || typeof version !== 'number' || !Number.isInteger(version)) return;
    if (isNewerVersion(version, useLayoverStore.getState().content)) void refreshToVersion(version);
  });
}
