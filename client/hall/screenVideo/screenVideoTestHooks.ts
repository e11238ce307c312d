import { currentRoom } from '../../core/net/roomRef.ts';
import { testHooksEnabled } from '../../core/testHooksTag.ts';

/** What end-to-end tests read of the screen video: which hall instance the page sits in (two must differ). */
export interface ScreenVideoTestHooks {
  roomId: () => string | null;
}

declare global {
  interface Window {
    __layoverScreenVideo?: ScreenVideoTestHooks;
  }
}

/** Installs window.__layoverScreenVideo on pages served for tests (TEST_HOOKS=on); nothing on a production page. */
export function installScreenVideoTestHooks(page: Pick<Document, 'querySelector'> = document): void {
  if (window.__layoverScreenVideo || !testHooksEnabled(page)) return;
  window.__layoverScreenVideo = { roomId: () => currentRoom()?.roomId ?? null };
}
