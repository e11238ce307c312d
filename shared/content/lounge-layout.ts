import { z } from 'zod';

/** Walkable floor of the main lounge, in metres; +x east, +z south, the runway windows run along minZ. */
export const LOUNGE_BOUNDS = { minX: -20, maxX: 20, minZ: -14, maxZ: 14 } as const;

/** Radius of an avatar's footprint, used for collision. */
export const AVATAR_RADIUS = 0.35;

/** Fastest an avatar may walk, in metres per second. */
export const WALK_SPEED = 4;

const Box = z.strictObject({
  id: z.string().min(1),
  kind: z.enum([
    'bar',
    'seating',
    'board',
    'arcade',
    'stage',
    'plant',
    'wall',
    'vipDoor',
    'suiteDoor',
    'pillar',
    'fireplace',
    'booth',
    'exitDoor',
    'brandWall',
  ]),
  /** Centre on the floor. */
  x: z.number(),
  z: z.number(),
  /** Full size on the floor and height. */
  w: z.number().positive(),
  d: z.number().positive(),
  h: z.number().positive(),
  /** Whether avatars bump into it. */
  solid: z.boolean(),
});
export type LayoutBox = z.infer<typeof Box>;

const Zone = z.strictObject({
  id: z.string().min(1),
  x: z.number(),
  z: z.number(),
  radius: z.number().positive(),
});
export type LayoutZone = z.infer<typeof Zone>;

const Rect = z.strictObject({ minX: z.number(), maxX: z.number(), minZ: z.number(), maxZ: z.number() });
export type LayoutRect = z.infer<typeof Rect>;

/** Words hung in a room: a brand kit sign (vip, bar, suite...) or one of the rooms' own signs (client i18n). */
export const SIGN_WORDS = [
  'vip',
  'bar',
  'suite',
  'stage',
  'arcade',
  'lounge',
  'quietRoom',
  'partner',
] as const;
export type SignWords = (typeof SIGN_WORDS)[number];

const Sign = z.strictObject({
  id: z.string().min(1),
  words: z.enum(SIGN_WORDS),
  /** Centre of the board; it faces +z turned by `rotationY`. */
  x: z.number(),
  y: z.number().positive(),
  z: z.number(),
  rotationY: z.number(),
  width: z.number().positive().optional(),
});
export type LayoutSign = z.infer<typeof Sign>;

const within = (outer: LayoutRect) => (rect: LayoutRect) =>
  rect.minX < rect.maxX &&
  rect.minZ < rect.maxZ &&
  rect.minX >= outer.minX &&
  rect.maxX <= outer.maxX &&
  rect.minZ >= outer.minZ &&
  rect.maxZ <= outer.maxZ;

export const LoungeLayout = z.strictObject({
  /** Walkable floor, inside the lounge's; a smaller room gets walls at its edges. Absent: the whole lounge. */
  bounds: Rect.refine(within(LOUNGE_BOUNDS), 'must lie inside LOUNGE_BOUNDS').optional(),
  spawn: z.strictObject({
    x: z.number(),
    z: z.number(),
    spread: z.number().nonnegative(),
    /** Which way newcomers face (0 faces +z); rooms other than the main lounge set it here. */
    heading: z.number().optional(),
  }),
  boxes: z.array(Box).min(1),
  zones: z.array(Zone),
  /** Hung signs naming where things are (the way back to the lounge, the quiet room). */
  signs: z.array(Sign).optional(),
  /** Rooms within the room whose walls voice does not cross (the partner suite's quiet room). */
  quietRooms: z.array(Rect).optional(),
});
export type LoungeLayout = z.infer<typeof LoungeLayout>;

// Gaps between furniture and walls are either flush or wider than an avatar, so no one gets wedged.
/** The main lounge: furniture the scene draws and the server collides against, and named zones. */
export const loungeLayout: LoungeLayout = LoungeLayout.parse({
  spawn: { x: 0, z: 8, spread: 3 },
  boxes: [
    { id: 'bar', kind: 'bar', x: -14, z: 4, w: 2, d: 9, h: 1.1, solid: true },
    { id: 'sofa-window-west', kind: 'seating', x: -8, z: -10, w: 4, d: 1, h: 0.8, solid: true },
    { id: 'sofa-window-centre', kind: 'seating', x: 0, z: -10, w: 4, d: 1, h: 0.8, solid: true },
    { id: 'sofa-window-east', kind: 'seating', x: 6, z: -10, w: 4, d: 1, h: 0.8, solid: true },
    { id: 'lounge-chairs-west', kind: 'seating', x: -6, z: 0, w: 3, d: 3, h: 0.8, solid: true },
    { id: 'lounge-chairs-east', kind: 'seating', x: 4, z: 1, w: 3, d: 3, h: 0.8, solid: true },
    { id: 'departures-board', kind: 'board', x: 0, z: 13.8, w: 6, d: 0.4, h: 3, solid: true },
    { id: 'arcade-plane', kind: 'arcade', x: 17.6, z: 8.5, w: 1.2, d: 1, h: 2, solid: true },
    { id: 'arcade-trivia', kind: 'arcade', x: 17.6, z: 10.5, w: 1.2, d: 1, h: 2, solid: true },
    { id: 'arcade-bags', kind: 'arcade', x: 17.6, z: 12.5, w: 1.2, d: 1, h: 2, solid: true },
    { id: 'stage', kind: 'stage', x: 14, z: -9, w: 8, d: 5, h: 0.4, solid: true },
    { id: 'vip-door', kind: 'vipDoor', x: 19.8, z: 1, w: 0.4, d: 2.4, h: 2.8, solid: true },
    { id: 'suite-door', kind: 'suiteDoor', x: -19.8, z: -4, w: 0.4, d: 2.4, h: 2.8, solid: true },
    { id: 'pillar-west', kind: 'pillar', x: -10, z: 6, w: 0.8, d: 0.8, h: 4, solid: true },
    { id: 'pillar-east', kind: 'pillar', x: 10, z: 6, w: 0.8, d: 0.8, h: 4, solid: true },
    { id: 'plant-ne', kind: 'plant', x: 18.5, z: -13.5, w: 1, d: 1, h: 1.6, solid: true },
    { id: 'plant-nw', kind: 'plant', x: -18.5, z: -13.5, w: 1, d: 1, h: 1.6, solid: true },
  ],
  zones: [
    { id: 'window', x: 0, z: -12.5, radius: 6 },
    { id: 'departures-board', x: 0, z: 11.5, radius: 3 },
    { id: 'bar', x: -11.5, z: 4, radius: 3 },
    { id: 'arcade', x: 16, z: 10.5, radius: 3.5 },
    { id: 'stage', x: 14, z: -5, radius: 4 },
    { id: 'vip-door', x: 18.2, z: 1, radius: 2 },
    { id: 'suite-door', x: -18.2, z: -4, radius: 2 },
  ],
});

/** Furniture that blocks walking. */
export const loungeColliders: readonly LayoutBox[] = loungeLayout.boxes.filter((box) => box.solid);
