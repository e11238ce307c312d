import { describe, expect, it } from 'vitest';
import { emptyStage } from '../../server/live-events/stage-snapshot.ts';
import { STAGE_POSE_FIELDS, StageSnapshot, StageView } from '../../shared/protocol/stage.ts';
import { Stage } from '../../shared/state/EventState.ts';

// The Colyseus Schema class stays (it is the wire format); this keeps its field names and the zod schema's in step.
const keys = (object: object) => Object.keys(object).sort();
const { poll, drop, pinned } = StageView.shape;
const unwrap = (schema: typeof poll | typeof drop | typeof pinned) => keys(schema.unwrap().shape);

describe('the stage: one zod schema, checked against the Schema class', () => {
  const stage = new Stage().toJSON() as unknown as Record<string, object>;

  it('has the same top-level fields in StageView as the Stage schema, less the host pose', () => {
    const schemaFields = keys(stage).filter((key) => !(STAGE_POSE_FIELDS as readonly string[]).includes(key));
    expect(keys(StageView.shape)).toEqual(schemaFields);
  });

  it('has the same poll, drop and pinned question fields in StageView as StagePoll, StageDrop, StageQuestion', () => {
    expect(unwrap(poll)).toEqual(keys(stage.poll ?? {}));
    expect(unwrap(drop)).toEqual(keys(stage.drop ?? {}));
    expect(unwrap(pinned)).toEqual(keys(stage.pinned ?? {}));
  });

  it('keeps in the ledger snapshot only fields the Schema has, besides the secret answer and the muted list', () => {
    const snapshot = StageSnapshot.shape;
    const stageOnly = ['poll', 'drop', 'pinned', 'muted'];
    for (const key of keys(snapshot).filter((k) => !stageOnly.includes(k)))
      expect(keys(stage)).toContain(key);
    for (const key of keys(snapshot.poll.shape).filter((k) => k !== 'answer'))
      expect(keys(stage.poll ?? {})).toContain(key);
    for (const key of keys(snapshot.drop.shape)) expect(keys(stage.drop ?? {})).toContain(key);
    expect(keys(snapshot.pinned.shape)).toEqual(keys(stage.pinned ?? {}));
  });

  it('accepts the empty stage the ledger starts from', () => {
    expect(StageSnapshot.parse(emptyStage())).toEqual(emptyStage());
  });
});
