import type { LoungeLayout } from '../../../shared/content/lounge-layout.ts';
import { ROOM_LAYOUTS } from '../../../shared/content/room-layouts.ts';
import type { BrandColours } from '../../../shared/protocol/brand.ts';
import { DEFAULT_BRAND_KIT } from '../../../shared/protocol/brand-default.ts';
import { RoomName } from '../../../shared/rooms.ts';
import { isEventHall, isGatedRoom, type JoinableRoom } from '../../core/roomNames.ts';
import { palette } from '../../core/scene/palette.ts';

/** How a room is dressed: the main lounge and the hall share its plan, the VIP and the suite have their own. */
export type RoomTheme = 'main' | 'vip' | 'suite' | 'hall';

export interface ThemeColors {
  /** Floor colour where no plank texture could be drawn. */
  floor: string;
  /** Multiplies the plank texture (white keeps the oak as drawn). */
  floorTint: string;
  wall: string;
  wainscot: string;
  rugCentre: string;
  rugWindow: string;
  rugBoard: string;
}

export const THEME_COLORS: Record<RoomTheme, ThemeColors> = {
  main: {
    floor: palette.floor,
    floorTint: '#ffffff',
    wall: palette.wallCream,
    wainscot: palette.wainscot,
    rugCentre: palette.rug,
    rugWindow: palette.tealDeep,
    rugBoard: palette.burgundy,
  },
  vip: {
    floor: '#4a3f55',
    floorTint: '#7f6f8a',
    wall: '#2f3552',
    wainscot: '#1b1e2e',
    rugCentre: '#5c1f2d',
    rugWindow: '#3b2a4d',
    rugBoard: '#7a5a22',
  },
  suite: {
    floor: '#d9d2c6',
    floorTint: '#e8e1d6',
    wall: '#e9ecef',
    wainscot: '#24435a',
    rugCentre: '#24435a',
    rugWindow: '#3d6b80',
    rugBoard: '#b8923f',
  },
  hall: {
    floor: '#3a3440',
    floorTint: '#6d6272',
    wall: '#1f2433',
    wainscot: '#14161f',
    rugCentre: '#6b1e2a',
    rugWindow: '#2a2038',
    rugBoard: '#6b1e2a',
  },
};

/** The VIP is warm and dark, the suite light in the partner's blue, event halls a theatre, the lounge its woods. */
export function themeForRoom(room: JoinableRoom | null): RoomTheme {
  if (isEventHall(room)) return 'hall';
  if (!isGatedRoom(room)) return 'main';
  return room === RoomName.suite ? 'suite' : 'vip';
}

/** The floor plan a theme draws (the hall stands on the lounge's, where the stage is). */
export function layoutForTheme(theme: RoomTheme): LoungeLayout {
  if (theme === 'vip') return ROOM_LAYOUTS.vip;
  if (theme === 'suite') return ROOM_LAYOUTS.suite;
  return ROOM_LAYOUTS.lounge;
}

/** A rug: centre, size and which of the theme's rug colours it takes. */
export interface RugSpec {
  x: number;
  z: number;
  w: number;
  d: number;
  colour: 'rugCentre' | 'rugWindow' | 'rugBoard';
}

/** Where each room's rugs lie (the lounge's as they always were). */
export const ROOM_RUGS: Record<RoomTheme, readonly RugSpec[]> = {
  main: [
    { x: -1, z: 0.5, w: 15, d: 7.5, colour: 'rugCentre' },
    { x: 0, z: -10.7, w: 22, d: 3.4, colour: 'rugWindow' },
    { x: 0, z: 10.6, w: 9, d: 3, colour: 'rugBoard' },
  ],
  hall: [
    { x: -1, z: 0.5, w: 15, d: 7.5, colour: 'rugCentre' },
    { x: 0, z: -10.7, w: 22, d: 3.4, colour: 'rugWindow' },
    { x: 0, z: 10.6, w: 9, d: 3, colour: 'rugBoard' },
  ],
  vip: [
    { x: 5.8, z: 0, w: 5.5, d: 10, colour: 'rugCentre' },
    { x: -1.5, z: -5.6, w: 6, d: 2.6, colour: 'rugWindow' },
    { x: 0, z: 6.6, w: 3, d: 2.4, colour: 'rugBoard' },
  ],
  suite: [
    { x: 0, z: -1.4, w: 9, d: 4.6, colour: 'rugCentre' },
    { x: -8.5, z: 5.2, w: 5, d: 5, colour: 'rugWindow' },
    { x: 5, z: 3.5, w: 5, d: 5, colour: 'rugBoard' },
  ],
};

/**
 * A room's colours under a brand kit: the main lounge's centre rug takes the kit's accent and the board's rug its
 * primary colour; the built-in kit keeps today's woods, and the dark VIP and hall dress keep theirs.
 */
export function brandedThemeColors(theme: RoomTheme, colours: BrandColours): ThemeColors {
  const base = THEME_COLORS[theme];
  const builtIn = DEFAULT_BRAND_KIT.colours;
  if (theme !== 'main' || (colours.accent === builtIn.accent && colours.primary === builtIn.primary))
    return base;
  return { ...base, rugCentre: colours.accent, rugBoard: colours.primary };
}
