import { PLANE_ANGLE, type PlaneThrow } from '../../../shared/protocol/games.ts';

/** What the member is aiming: degrees above the horizon and a share of full power. */
export interface Aim {
  angle: number;
  power: number;
}

export const DEFAULT_AIM: Aim = { angle: 30, power: 0.6 };
/** A keyboard press moves the aim by this much (arrows: angle up/down, power left/right). */
export const AIM_STEP = { angle: 1, power: 0.02 } as const;
/** A drag this long (CSS pixels) is full power. */
export const FULL_POWER_DRAG_PX = 240;

const clamp = (value: number, min: number, max: number) =>
  Number.isFinite(value) ? Math.max(min, Math.min(max, value)) : min;

/** Keeps an aim inside what the server accepts (a throw outside drops the sender), rounded as it is sent. */
export function clampAim(aim: Aim): Aim {
  return {
    angle: Math.round(clamp(aim.angle, PLANE_ANGLE.min, PLANE_ANGLE.max) * 10) / 10,
    power: Math.round(clamp(aim.power, 0, 1) * 100) / 100,
  };
}

/** Moves the aim by whole keyboard steps. */
export function nudgeAim(aim: Aim, angleSteps: number, powerSteps: number): Aim {
  return clampAim({
    angle: aim.angle + angleSteps * AIM_STEP.angle,
    power: aim.power + powerSteps * AIM_STEP.power,
  });
}

/**
 * Slingshot aiming: pull back from where the pointer went down. Dragging left and down aims up and right (the
 * plane flies the other way), and the drag's length sets the power. `dx`, `dy` are screen pixels (y grows down).
 */
export function aimFromDrag(dx: number, dy: number, fullPowerPx: number = FULL_POWER_DRAG_PX): Aim | null {
  const length = Math.hypot(dx, dy);
  if (length < 4) return null;
  const angle = (Math.atan2(dy, -dx) * 180) / Math.PI;
  return clampAim({ angle, power: length / fullPowerPx });
}

/** The `throw` message for this aim on turn `turn`: always inside the protocol's ranges. */
export function throwInput(turn: number, aim: Aim): PlaneThrow {
  const { angle, power } = clampAim(aim);
  return { turn: Math.max(0, Math.floor(turn)), angle, power };
}
