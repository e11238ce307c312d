import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usePublishedContent } from '../../client/console/content/publishedContent.ts';
import {
  checkEventForm,
  defaultEventForm,
  type EventFormState,
  formToInput,
  newDropRow,
  specToForm,
} from '../../client/console/events/eventForm.ts';
import { describeIssue, issuesFromDetail } from '../../client/console/events/fieldIssues.ts';
import { LiveEventSpec } from '../../shared/content/live-events.ts';
import { stamps } from '../../shared/content/stamps.ts';
import { seedMemberContent } from '../support/published-content.ts';

// The console names stamps and prizes from the published content (GET /api/content), loaded at start.
usePublishedContent.setState({ content: seedMemberContent() });

const savedTz = process.env.TZ;
const NOW = new Date('2026-04-01T01:00:00Z');

function filled(patch: Partial<EventFormState> = {}): EventFormState {
  return { ...defaultEventForm(NOW), title: 'Spring launch', ...patch };
}

describe('event form <-> LiveEventSpec', () => {
  beforeAll(() => {
    process.env.TZ = 'Asia/Taipei';
  });
  afterAll(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('defaults to a start two minutes from now, in local time', () => {
    const form = defaultEventForm(NOW);
    expect(form.starts).toBe('2026-04-01T09:02');
    expect(form).toMatchObject({
      duration: '60',
      hall: 'main-stage',
      access: 'anyone',
      attend: '10',
      drops: [],
    });
    expect(stamps.map((stamp) => stamp.id)).toContain(form.stampId);
    if (stamps.some((stamp) => stamp.id === 'live-event')) expect(form.stampId).toBe('live-event');
  });

  it('builds a spec the schema accepts, with the start as ISO with offset', () => {
    const drop = { ...newDropRow([]), prizeId: 'upgrade-voucher', supply: '25', windowSeconds: '90' };
    const checked = checkEventForm(
      filled({ access: 'vip', attend: '0.5', drops: [{ ...drop, mode: 'raffle' }] }),
    );
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.spec).toEqual({
      title: 'Spring launch',
      description: '',
      startsAt: '2026-04-01T09:02:00+08:00',
      durationMinutes: 60,
      hall: 'main-stage',
      access: { kind: 'pass', gate: 'vip' },
      attendanceStampId: defaultEventForm(NOW).stampId,
      attendMinutes: 0.5,
      drops: [{ id: 'drop-1', prizeId: 'upgrade-voucher', supply: 25, windowSeconds: 90, mode: 'raffle' }],
    });
  });

  it('round-trips an existing spec through the form', () => {
    const spec = LiveEventSpec.parse({
      title: 'Sky terrace jazz',
      description: 'Live trio',
      startsAt: '2026-05-02T12:00:00Z',
      durationMinutes: 90,
      hall: 'sky-terrace',
      access: { kind: 'pass', gate: 'suite' },
      attendanceStampId: 'winter-lights',
      attendMinutes: 15,
      drops: [{ id: 'encore', prizeId: 'gold-pass', supply: 3, windowSeconds: 30, mode: 'first' }],
    });
    const form = specToForm(spec);
    expect(form.starts).toBe('2026-05-02T20:00');
    expect(form.access).toBe('suite');
    const again = checkEventForm(form);
    expect(again.ok && again.spec).toEqual({ ...spec, startsAt: '2026-05-02T20:00:00+08:00' });
  });

  it('puts each problem next to its field', () => {
    const checked = checkEventForm(
      filled({
        title: '   ',
        starts: '',
        duration: '',
        attend: '999',
        drops: [
          { ...newDropRow([]), supply: '2.5' },
          { ...newDropRow([]), windowSeconds: '1', id: 'Bad Id' },
        ],
      }),
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.issues.title).toEqual([{ key: 'issue.required' }]);
    expect(checked.issues.startsAt).toEqual([{ key: 'issue.time' }]);
    expect(checked.issues.durationMinutes).toEqual([{ key: 'issue.required' }]);
    expect(checked.issues.attendMinutes).toEqual([{ key: 'issue.max', vars: { max: 240 } }]);
    expect(checked.issues['drops.0.supply']).toEqual([{ key: 'issue.integer' }]);
    expect(checked.issues['drops.1.windowSeconds']).toEqual([{ key: 'issue.min', vars: { min: 5 } }]);
    expect(checked.issues['drops.1.id']).toEqual([{ key: 'issue.slug' }]);
  });

  it('flags attendance longer than the event and duplicate drop ids', () => {
    const row = newDropRow([]);
    const checked = checkEventForm(filled({ duration: '10', attend: '20', drops: [row, { ...row }] }));
    expect(!checked.ok && checked.issues).toEqual({
      attendMinutes: [{ key: 'issue.attendOverDuration' }],
      drops: [{ key: 'issue.dropIdsUnique' }],
    });
  });

  it('gives new drop rows ids no other row has', () => {
    const first = newDropRow([]);
    const second = newDropRow([first]);
    const third = newDropRow([second]);
    expect([first.id, second.id, third.id]).toEqual(['drop-1', 'drop-2', 'drop-3']);
  });

  it('keeps a half-typed number as NaN so the schema reports it rather than sending 0', () => {
    expect(formToInput(filled({ duration: ' ' })).durationMinutes).toBeNaN();
  });
});

describe('server detail and issue messages', () => {
  it('reads the server 400 detail back onto fields', () => {
    expect(issuesFromDetail('drops.0.supply: Too big: expected number to be <=1000; body: bad')).toEqual({
      'drops.0.supply': [{ key: 'issue.other', vars: { message: 'Too big: expected number to be <=1000' } }],
      '': [{ key: 'issue.other', vars: { message: 'bad' } }],
    });
    expect(issuesFromDetail('access.gate: Invalid option')).toEqual({
      access: [{ key: 'issue.other', vars: { message: 'Invalid option' } }],
    });
    expect(issuesFromDetail(undefined)).toEqual({});
  });

  it('passes unknown custom messages through', () => {
    expect(describeIssue({ code: 'custom', path: ['x'], message: 'must be a stamp id' })).toEqual({
      key: 'issue.other',
      vars: { message: 'must be a stamp id' },
    });
    expect(
      describeIssue({ code: 'too_big', path: ['title'], message: '', origin: 'string', maximum: 80 }),
    ).toEqual({ key: 'issue.maxLength', vars: { max: 80 } });
  });
});
