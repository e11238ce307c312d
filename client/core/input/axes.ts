/** Raw steering axes, camera-relative: x is right, y is forward; each in [-1, 1]. Mutated in place. */
export interface Axes {
  x: number;
  y: number;
}

/** From W A S D and the arrow keys. */
export const keyAxes: Axes = { x: 0, y: 0 };

/** From the on-screen joystick (touch). */
export const stickAxes: Axes = { x: 0, y: 0 };

/** Camera turn requested by Q / E: -1 left, 1 right, 0 none. */
export const cameraTurn = { value: 0 };
