import { poses } from './poses.ts';
import { lastGameRendererInfo, lastRendererInfo, type RendererInfo } from './rendererInfo.ts';
import type { JoinableRoom } from './roomNames.ts';
import { type AvatarSample, avatarSamples } from './scene/avatarProbe.ts';
import { type DrawnSign, drawnSigns } from './scene/drawnSigns.ts';
import { type LayoverState, useLayoverStore } from './store.ts';
import { testHooksEnabled } from './testHooksTag.ts';

export interface PoseSummary {
  sessionId: string;
  name: string;
  x: number;
  z: number;
  heading: number;
  /** Member.look as the room sent it (shared/avatar-look.ts); '' is the default look. */
  look: string;
}

/** What end-to-end tests (and curious developers) can read from the running client. */
export interface LayoverTestHooks {
  getState: () => LayoverState;
  /** Latest server-confirmed pose of every avatar in the room. */
  poses: () => PoseSummary[];
  /** Draw calls and triangles of the last rendered frame; null before the lounge is on screen. */
  renderer: () => RendererInfo | null;
  /** Our sessionId in the room, or null. */
  self: () => string | null;
  /** The room we are seated in (`lounge`, `vip`, `suite`), or null while signed out or between rooms. */
  room: () => JoinableRoom | null;
  /** Walks our avatar to a floor point, exactly as a click on the floor does. */
  walkTo: (x: number, z: number) => Promise<void>;
  /** The game cabinet we sit at (beside the lounge seat): its phase, round and turn; null when none. */
  game: () => { id: string; connection: string; phase: string | null; round: number; turn: number } | null;
  /** Draw calls and triangles of the game scene's last frame; null when no game scene is on screen. */
  gameRenderer: () => RendererInfo | null;
  /** Every named sign in the scene and the words it drew (SignText). */
  signs: () => Record<string, DrawnSign>;
  /** Every avatar drawn last frame by sessionId: its level of detail and its pose and look attributes. */
  avatars: () => Record<string, AvatarSample>;
}

declare global {
  interface Window {
    __layover?: LayoverTestHooks;
  }
}

/**
 * Installs window.__layover (read-only views, plus walkTo, which only does what a floor click does) when the page
 * was served for tests; otherwise nothing, since getState() would hand any script the session token.
 */
export function installTestHooks(page: Pick<Document, 'querySelector'> = document): void {
  if (!testHooksEnabled(page)) return;
  window.__layover = {
    getState: () => useLayoverStore.getState(),
    poses: () =>
      Array.from(poses.values(), (pose) => ({
        sessionId: pose.sessionId,
        name: pose.name,
        x: pose.x,
        z: pose.z,
        heading: pose.heading,
        look: pose.look,
      })),
    renderer: lastRendererInfo,
    self: () => useLayoverStore.getState().selfId,
    room: () => {
      const { status, room } = useLayoverStore.getState();
      return status === 'inLounge' ? room : null;
    },
    // Loaded on demand so the entry bundle does not carry the movement and protocol code.
    walkTo: (x, z) => import('./input/steering.ts').then(({ walkTo }) => walkTo(x, z)),
    game: () => {
      const { game, gameView } = useLayoverStore.getState();
      if (!game) return null;
      return {
        id: game.id,
        connection: game.connection,
        phase: gameView?.phase ?? null,
        round: gameView?.round ?? 0,
        turn: gameView?.turn ?? 0,
      };
    },
    gameRenderer: lastGameRendererInfo,
    signs: drawnSigns,
    avatars: avatarSamples,
  };
}
