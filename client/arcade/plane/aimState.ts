import { type Aim, DEFAULT_AIM } from './aim.ts';

/** The aim the scene draws each frame; written by the controls, read inside useFrame (never React state). */
export const planeAim: Aim = { ...DEFAULT_AIM };

/** While the member drags the slingshot: the scene pulls the plane back along the aim. */
export const planeDrag = { active: false };
