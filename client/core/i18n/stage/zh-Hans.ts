import type { stageEn } from './en.ts';

/** Strings of the hall stage: going live, raised hands, invitations, on-stage members, in Simplified Chinese (spread into ../zh-Hans.ts). */
export const stageZhHans: Record<keyof typeof stageEn, string> = {
  'stage.region': '舞台',
};
