import { type LoungeLayout, LoungeLayout as LoungeLayoutSchema } from './lounge-layout.ts';

const HALF_PI = Math.PI / 2;

/**
 * The VIP lounge: a smaller, warmer room behind the east door. A serving bar on the west wall (its zone is where the
 * bartender takes an order), booths along the south wall, a fireplace on the east wall, windows to the north.
 */
export const vipLayout: LoungeLayout = LoungeLayoutSchema.parse({
  bounds: { minX: -10, maxX: 10, minZ: -8, maxZ: 8 },
  spawn: { x: 0, z: 1, spread: 1.5, heading: Math.PI },
  boxes: [
    { id: 'vip-bar', kind: 'bar', x: -7.6, z: -1.5, w: 2, d: 6, h: 1.1, solid: true },
    { id: 'fireplace', kind: 'fireplace', x: 9.6, z: 0, w: 0.8, d: 4.4, h: 3.4, solid: true },
    { id: 'vip-chairs-north', kind: 'seating', x: 5.5, z: -3.2, w: 3, d: 3, h: 0.8, solid: true },
    { id: 'vip-chairs-south', kind: 'seating', x: 5.5, z: 3.4, w: 3, d: 3, h: 0.8, solid: true },
    { id: 'vip-sofa-window', kind: 'seating', x: -1.5, z: -6.4, w: 4, d: 1, h: 0.8, solid: true },
    { id: 'booth-west', kind: 'booth', x: -5.5, z: 6.9, w: 3.2, d: 2.2, h: 1.2, solid: true },
    { id: 'booth-east', kind: 'booth', x: 5.5, z: 6.9, w: 3.2, d: 2.2, h: 1.2, solid: true },
    { id: 'lounge-door', kind: 'exitDoor', x: 0, z: 7.8, w: 2.4, d: 0.4, h: 2.8, solid: true },
    { id: 'plant-vip-ne', kind: 'plant', x: 9.3, z: -7.3, w: 1, d: 1, h: 1.6, solid: true },
    { id: 'plant-vip-nw', kind: 'plant', x: -9.3, z: -7.3, w: 1, d: 1, h: 1.6, solid: true },
  ],
  zones: [
    { id: 'vip-bar', x: -5.6, z: -1.5, radius: 2.2 },
    { id: 'fireplace', x: 7.6, z: 0, radius: 2.4 },
    { id: 'lounge-door', x: 0, z: 6.4, radius: 1.8 },
  ],
  signs: [
    { id: 'sign-lounge', words: 'lounge', x: 0, y: 3.3, z: 7.9, rotationY: Math.PI },
    { id: 'sign-vip', words: 'vip', x: 9.1, y: 3.95, z: 0, rotationY: -HALF_PI },
  ],
});
