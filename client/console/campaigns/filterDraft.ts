import type { SegmentFilter } from '../../../shared/protocol/segments.ts';

/** The segment builder's form as typed: lists ticked, numbers as text, one visit rule. */
export interface FilterDraft {
  statusLevels: string[];
  stampsAll: string[];
  stampsAny: string[];
  questsDone: string[];
  pointsMin: string;
  pointsMax: string;
  visit: 'any' | 'within' | 'notFor';
  visitDays: string;
  locales: string[];
  signInKinds: string[];
  holdsGate: string;
}

export const EMPTY_DRAFT: FilterDraft = {
  statusLevels: [],
  stampsAll: [],
  stampsAny: [],
  questsDone: [],
  pointsMin: '',
  pointsMax: '',
  visit: 'any',
  visitDays: '30',
  locales: [],
  signInKinds: [],
  holdsGate: '',
};

const whole = (text: string): number | undefined => {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(value) ? value : undefined;
};

/** The filter the server evaluates: only the clauses the operator set (an empty list or field is no clause). */
export function filterOf(draft: FilterDraft): SegmentFilter {
  const filter: SegmentFilter = {};
  const lists = ['statusLevels', 'stampsAll', 'stampsAny', 'questsDone'] as const;
  for (const key of lists) if (draft[key].length > 0) filter[key] = [...draft[key]];
  if (draft.locales.length > 0) filter.locales = draft.locales as SegmentFilter['locales'];
  if (draft.signInKinds.length > 0) filter.signInKinds = draft.signInKinds as SegmentFilter['signInKinds'];
  const min = whole(draft.pointsMin);
  const max = whole(draft.pointsMax);
  if (min !== undefined || max !== undefined)
    filter.points = { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  const days = whole(draft.visitDays);
  if (draft.visit === 'within' && days !== undefined) filter.lastVisitWithinDays = days;
  if (draft.visit === 'notFor' && days !== undefined) filter.notVisitedForDays = days;
  if (draft.holdsGate) filter.holdsGate = draft.holdsGate;
  return filter;
}

/** A saved segment's filter back in the form. */
export function draftOf(filter: SegmentFilter): FilterDraft {
  const visitDays = filter.lastVisitWithinDays ?? filter.notVisitedForDays;
  return {
    statusLevels: filter.statusLevels ?? [],
    stampsAll: filter.stampsAll ?? [],
    stampsAny: filter.stampsAny ?? [],
    questsDone: filter.questsDone ?? [],
    pointsMin: filter.points?.min === undefined ? '' : String(filter.points.min),
    pointsMax: filter.points?.max === undefined ? '' : String(filter.points.max),
    visit: filter.lastVisitWithinDays ? 'within' : filter.notVisitedForDays ? 'notFor' : 'any',
    visitDays: visitDays === undefined ? EMPTY_DRAFT.visitDays : String(visitDays),
    locales: filter.locales ?? [],
    signInKinds: filter.signInKinds ?? [],
    holdsGate: filter.holdsGate ?? '',
  };
}
