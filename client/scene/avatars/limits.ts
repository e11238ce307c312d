/** Most avatars drawn at once; instanced meshes are sized for this many. */
export const MAX_AVATARS = 128;
