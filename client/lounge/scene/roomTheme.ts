import type { BrandColours } from '../../../shared/protocol/brand.ts';
import { DEFAULT_BRAND_KIT } from '../../../shared/protocol/brand-default.ts';
import { isEventHall, isGatedRoom, type JoinableRoom } from '../../core/roomNames.ts';
import { palette } from '../../core/scene/palette.ts';

/** How a room dresses the shared lounge geometry: same meshes and draw calls, other colours. */
export type RoomTheme = 'main' | 'vip' | 'hall';

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

/** Gated rooms share the VIP dress for now; event halls go dark like a theatre; the main lounge keeps its woods. */
export function themeForRoom(room: JoinableRoom | null): RoomTheme {
  if (isEventHall(room)) return 'hall';
  return isGatedRoom(room) ? 'vip' : 'main';
}

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
