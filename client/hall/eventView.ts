import type { DropOutcome } from '../../shared/protocol/live-events.ts';
import type { StageQuestion, StageView } from '../../shared/protocol/stage.ts';
import type {
  EventState,
  Stage,
  StageQuestion as StageQuestionSchema,
} from '../../shared/state/EventState.ts';

// The stage's view types come from the one zod schema in shared/protocol/stage.ts (the ledger's snapshot is built
// from the same parts), so a field added there is a compile error here until readStageView fills it.

/** A poll or trivia question on the big screen, with its tallies. */
export type StagePollView = NonNullable<StageView['poll']>;
/** The drop on the big screen, with its claims, entrants and state. */
export type StageDropView = NonNullable<StageView['drop']>;
/** A question from the audience as React lists it. */
export type StageQuestionView = StageQuestion;

/** The rest of the hall's state that React lists: questions, hosts, muted members and the instance number. */
export interface HallView {
  stage: StageView;
  questions: StageQuestionView[];
  /** Member ids holding the host role in this instance. */
  hosts: string[];
  muted: string[];
  instance: number;
  /** Members in this instance, including those too far away to be sent to us. */
  population: number;
}

/** What a claim came to for us, kept until the next drop. */
export interface DropOutcomeView {
  dropId: string;
  outcome: DropOutcome;
  prizeId: string | null;
}

function readQuestion(question: StageQuestionSchema | undefined): StageQuestionView | null {
  if (!question?.id) return null;
  const { id, memberId, name, text, at } = question;
  return { id, memberId, name, text, at };
}

/** The stage schema as plain data; an empty poll, drop or pinned question reads as null. */
export function readStageView(stage: Stage): StageView {
  const { poll, drop } = stage;
  const dropState = drop?.state;
  return {
    eventId: stage.eventId,
    title: stage.title,
    hall: stage.hall,
    status: stage.status,
    endsAt: stage.endsAt,
    hostId: stage.hostId,
    hostName: stage.hostName,
    hostPresent: stage.hostPresent,
    announcement: stage.announcement,
    announcementSeq: stage.announcementSeq,
    spotlightId: stage.spotlightId,
    spotlightName: stage.spotlightName,
    poll: poll?.id
      ? {
          id: poll.id,
          kind: poll.kind === 'trivia' ? 'trivia' : 'poll',
          question: poll.question,
          options: Array.from(poll.options ?? []),
          tallies: Array.from(poll.tallies ?? []),
          open: poll.open,
          correct: poll.correct,
        }
      : null,
    drop:
      drop?.id && (dropState === 'open' || dropState === 'closed' || dropState === 'drawn')
        ? {
            id: drop.id,
            prizeId: drop.prizeId,
            mode: drop.mode === 'raffle' ? 'raffle' : 'first',
            supply: drop.supply,
            claimed: drop.claimed,
            entrants: drop.entrants,
            closesAt: drop.closesAt,
            state: dropState,
            commit: drop.commit,
            seed: drop.seed,
          }
        : null,
    pinned: readQuestion(stage.pinned),
  };
}

function sortedKeys(map: { forEach(cb: (value: boolean, key: string) => void): void } | undefined): string[] {
  const keys: string[] = [];
  map?.forEach((value, key) => {
    if (value) keys.push(key);
  });
  return keys.sort();
}

/** The whole hall as plain data, read after a patch. */
export function readHallView(state: EventState): HallView {
  const questions: StageQuestionView[] = [];
  state.questions?.forEach((question) => {
    const view = readQuestion(question);
    if (view) questions.push(view);
  });
  return {
    stage: readStageView(state.stage),
    questions,
    hosts: sortedKeys(state.hosts),
    muted: sortedKeys(state.muted),
    instance: state.instance || 1,
    population: state.population ?? 0,
  };
}
