/** The follow camera's yaw that puts it behind an avatar facing `heading` (yaw 0 looks north; heading 0 faces south). */
export function yawBehind(heading: number): number {
  return heading + Math.PI;
}
