/** The follow camera's orbit around our avatar: yaw 0 looks north, towards the runway windows. */
export const cameraState = {
  yaw: 0,
  /** Elevation above the horizontal, in radians. */
  pitch: 0.42,
  distance: 9,
};

export const CAMERA_LIMITS = {
  minPitch: 0.12,
  maxPitch: 1.25,
  minDistance: 3.5,
  maxDistance: 20,
} as const;
