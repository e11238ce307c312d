/** Most avatars drawn at once; instanced meshes are sized for this many (a lounge sends 101, a host sees a full hall). */
export const MAX_AVATARS = 256;
