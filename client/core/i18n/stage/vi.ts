import type { stageEn } from './en.ts';

/** Strings of the hall stage: going live, raised hands, invitations, on-stage members, in Vietnamese (spread into ../vi.ts). */
export const stageVi: Record<keyof typeof stageEn, string> = {
  'stage.region': 'Sân khấu',
};
