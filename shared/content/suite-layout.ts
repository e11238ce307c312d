import { type LoungeLayout, LoungeLayout as LoungeLayoutSchema } from './lounge-layout.ts';

const HALF_PI = Math.PI / 2;

/**
 * The partner suite: the partner brand's room behind the west door. Its brand wall faces arrivals; a quiet room in
 * the south-west corner has walls voice does not cross; the way back to the lounge is the east door.
 */
export const suiteLayout: LoungeLayout = LoungeLayoutSchema.parse({
  bounds: { minX: -12, maxX: 12, minZ: -9, maxZ: 9 },
  spawn: { x: 7, z: 6.5, spread: 1, heading: Math.PI },
  boxes: [
    { id: 'partner-wall', kind: 'brandWall', x: 0, z: -4.5, w: 7, d: 0.4, h: 3.2, solid: true },
    { id: 'quiet-wall-north-west', kind: 'wall', x: -10.8, z: 1, w: 2.4, d: 0.3, h: 3, solid: true },
    { id: 'quiet-wall-north-east', kind: 'wall', x: -6.35, z: 1, w: 2.7, d: 0.3, h: 3, solid: true },
    { id: 'quiet-wall-east', kind: 'wall', x: -5, z: 5, w: 0.3, d: 8.3, h: 3, solid: true },
    { id: 'quiet-chairs', kind: 'seating', x: -8.5, z: 5.5, w: 3, d: 3, h: 0.8, solid: true },
    { id: 'plant-quiet', kind: 'plant', x: -11.3, z: 8.3, w: 1, d: 1, h: 1.6, solid: true },
    { id: 'suite-sofa-west', kind: 'seating', x: -7, z: -7.4, w: 4, d: 1, h: 0.8, solid: true },
    { id: 'suite-sofa-east', kind: 'seating', x: 7, z: -7.4, w: 4, d: 1, h: 0.8, solid: true },
    { id: 'suite-chairs', kind: 'seating', x: 4.5, z: 3, w: 3, d: 3, h: 0.8, solid: true },
    { id: 'lounge-door', kind: 'exitDoor', x: 11.8, z: 4, w: 0.4, d: 2.4, h: 2.8, solid: true },
    { id: 'plant-suite-ne', kind: 'plant', x: 11.3, z: -8.3, w: 1, d: 1, h: 1.6, solid: true },
    { id: 'plant-suite-nw', kind: 'plant', x: -11.3, z: -8.3, w: 1, d: 1, h: 1.6, solid: true },
  ],
  zones: [
    { id: 'quiet-room', x: -8.5, z: 5, radius: 3 },
    { id: 'partner-wall', x: 0, z: -2.6, radius: 2.4 },
    { id: 'lounge-door', x: 10.2, z: 4, radius: 1.8 },
  ],
  signs: [
    { id: 'sign-lounge', words: 'lounge', x: 11.9, y: 3.3, z: 4, rotationY: -HALF_PI },
    { id: 'sign-quiet-east', words: 'quietRoom', x: -4.8, y: 2.3, z: 5, rotationY: HALF_PI, width: 3 },
    { id: 'sign-quiet-door', words: 'quietRoom', x: -8.65, y: 2.3, z: 0.8, rotationY: Math.PI, width: 3 },
  ],
  quietRooms: [{ minX: -12, maxX: -5, minZ: 1, maxZ: 9 }],
});
