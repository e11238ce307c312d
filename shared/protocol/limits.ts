// Plain numbers with no zod import, so the client's entry chunk can share them with the server's schemas.

/** Longest display name, in characters, after trimming. */
export const DISPLAY_NAME_MAX = 24;

/** Longest chat line a member may send, in characters. */
export const CHAT_MAX_LENGTH = 200;
