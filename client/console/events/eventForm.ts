import {
  type EventAccess,
  HALLS,
  type HallId,
  type LiveEventInput,
  LiveEventSpec,
} from '../../../shared/content/live-events.ts';
import type { Prize } from '../../../shared/content/prizes.ts';
import type { Stamp } from '../../../shared/content/quest-schema.ts';
import { offeredPrizes, publishedStamps } from '../content/publishedContent.ts';
import { isoToLocalInput, localInputToIso, toLocalInput } from '../localTime.ts';
import { type FieldIssues, issuesByField } from './fieldIssues.ts';

/** Who may enter, as one select: anyone, or the pass a gate names. */
export type AccessChoice = 'anyone' | 'vip' | 'suite';

/** A drop row as typed: numbers stay text until the spec is built, so a half-typed value is never lost. */
export interface DropRow {
  id: string;
  prizeId: string;
  supply: string;
  windowSeconds: string;
  mode: 'first' | 'raffle';
}

/** The event form's state; `starts` is a datetime-local value in the browser's zone. */
export interface EventFormState {
  title: string;
  description: string;
  starts: string;
  duration: string;
  hall: HallId;
  access: AccessChoice;
  stampId: string;
  attend: string;
  drops: DropRow[];
}

const START_LEAD_MS = 2 * 60_000;
/** The stamp made for attending live events, preselected when the catalogue has it. */
const LIVE_EVENT_STAMP = 'live-event';

/** A new event: starts in two minutes, so a host can try a whole event right away. */
export function defaultEventForm(now: Date, stamps: readonly Stamp[] = publishedStamps()): EventFormState {
  return {
    title: '',
    description: '',
    starts: toLocalInput(new Date(now.getTime() + START_LEAD_MS)),
    duration: '60',
    hall: HALLS[0].id,
    access: 'anyone',
    stampId: defaultStampId(stamps),
    attend: '10',
    drops: [],
  };
}

/** The stamp an event awards unless the host picks another: the live-event stamp, else the first; '' before content. */
export const defaultStampId = (stamps: readonly Stamp[]) =>
  (stamps.find((stamp) => stamp.id === LIVE_EVENT_STAMP) ?? stamps[0])?.id ?? '';

/** A fresh drop row with an id no other row uses, on the first prize still offered. */
export function newDropRow(rows: readonly DropRow[], prizes: readonly Prize[] = offeredPrizes()): DropRow {
  const taken = new Set(rows.map((row) => row.id));
  let n = rows.length + 1;
  while (taken.has(`drop-${n}`)) n += 1;
  return { id: `drop-${n}`, prizeId: prizes[0]?.id ?? '', supply: '10', windowSeconds: '60', mode: 'first' };
}

/** A typed number; blank or not a number becomes NaN so the schema reports it. */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

const accessOf = (choice: AccessChoice): EventAccess =>
  choice === 'anyone' ? { kind: 'anyone' } : { kind: 'pass', gate: choice };

/** The form as the schema's input; a start that is not a time becomes '' so the schema flags it. */
export function formToInput(form: EventFormState): LiveEventInput {
  return {
    title: form.title,
    description: form.description,
    startsAt: localInputToIso(form.starts) ?? '',
    durationMinutes: numberOf(form.duration),
    hall: form.hall,
    access: accessOf(form.access),
    attendanceStampId: form.stampId,
    attendMinutes: numberOf(form.attend),
    drops: form.drops.map((row) => ({
      id: row.id.trim(),
      prizeId: row.prizeId,
      supply: numberOf(row.supply),
      windowSeconds: numberOf(row.windowSeconds),
      mode: row.mode,
    })),
  };
}

/** An existing event back into the form, for editing before it starts. */
export function specToForm(spec: LiveEventSpec): EventFormState {
  return {
    title: spec.title,
    description: spec.description,
    starts: isoToLocalInput(spec.startsAt),
    duration: String(spec.durationMinutes),
    hall: spec.hall,
    access: spec.access.kind === 'anyone' ? 'anyone' : spec.access.gate,
    stampId: spec.attendanceStampId,
    attend: String(spec.attendMinutes),
    drops: spec.drops.map((drop) => ({
      id: drop.id,
      prizeId: drop.prizeId,
      supply: String(drop.supply),
      windowSeconds: String(drop.windowSeconds),
      mode: drop.mode,
    })),
  };
}

export type EventFormCheck = { ok: true; spec: LiveEventSpec } | { ok: false; issues: FieldIssues };

/** Validates with the same schema the server uses, before anything is sent. */
export function checkEventForm(form: EventFormState): EventFormCheck {
  const parsed = LiveEventSpec.safeParse(formToInput(form));
  return parsed.success
    ? { ok: true, spec: parsed.data }
    : { ok: false, issues: issuesByField(parsed.error.issues) };
}
