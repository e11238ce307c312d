/** Strings of the hall stage: going live, raised hands, invitations, on-stage members, in English (spread into ../en.ts). */
export const stageEn = {
  'stage.region': 'Stage',
};
