import type { stageEn } from './en.ts';

/** Strings of the hall stage: going live, raised hands, invitations, on-stage members, in Traditional Chinese (spread into ../zh-Hant.ts). */
export const stageZhHant: Record<keyof typeof stageEn, string> = {
  'stage.region': '舞台',
};
