import { Callbacks, type Room } from '@colyseus/sdk';
import {
  DROP_OUTCOMES,
  EVENT_NOTICE_CODES,
  type EventNoticeCode,
  type EventServerMessages,
  REACTIONS,
} from '../../shared/protocol/live-events.ts';
import type { EventState } from '../../shared/state/EventState.ts';
import type { LoungeRoom } from '../core/net/roomRef.ts';
import { useLayoverStore } from '../core/store.ts';
import { readHallView } from './eventView.ts';
import { hideHostStandIn, mirrorHostPose } from './hostStandIn.ts';
import { emitReactionBurst } from './reactionBursts.ts';
import { listenStage } from './stage/stageNet.ts';
import { useStageStore } from './stage/stageStore.ts';

export type EventRoom = Room<unknown, EventState>;

/** Notices that come just before the hall closes on us; the close itself says it once (see lounge.ts). */
const SAID_ON_LEAVE: ReadonlySet<EventNoticeCode> = new Set(['removed', 'banned', 'eventEnded']);

const isNoticeCode = (code: unknown): code is EventNoticeCode =>
  typeof code === 'string' && (EVENT_NOTICE_CODES as readonly string[]).includes(code);

function hostInRoom(state: EventState): boolean {
  const { hostId } = state.stage;
  let found = false;
  state.members?.forEach((member) => {
    if (member.id === hostId) found = true;
  });
  return found;
}

/** Mirrors the hall's schema into the store and the host stand-in; reads are coalesced to one per patch. */
function mirrorSchema(joined: EventRoom, live: () => boolean): void {
  const callbacks = Callbacks.get(joined);
  let queued = false;
  const sync = () => {
    queued = false;
    if (!live() || !joined.state?.stage) return;
    mirrorHostPose(joined.state.stage, hostInRoom(joined.state));
    useLayoverStore.getState().mirrorHall(readHallView(joined.state));
  };
  const schedule = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(sync);
  };

  callbacks.listen('stage', (stage) => {
    callbacks.onChange(stage, schedule);
    for (const part of ['poll', 'drop', 'pinned'] as const)
      callbacks.listen(stage, part, (value) => {
        callbacks.onChange(value, schedule);
        schedule();
      });
    callbacks.listen(stage, 'poll', (poll) => {
      for (const list of ['options', 'tallies'] as const) {
        callbacks.onAdd(poll, list, schedule, false);
        callbacks.onChange(poll, list, schedule);
        callbacks.onRemove(poll, list, schedule);
      }
    });
    schedule();
  });
  for (const collection of ['questions', 'hosts', 'muted', 'members'] as const) {
    callbacks.onAdd(collection, schedule);
    callbacks.onRemove(collection, schedule);
  }
  callbacks.listen('instance', schedule);
  callbacks.listen('population', schedule);
}

/** Listens to an event hall on top of the lounge listeners: stage, questions, reactions, notices, drop results. */
export function attachEventHall(room: LoungeRoom, live: () => boolean): void {
  const joined = room as unknown as EventRoom;
  mirrorSchema(joined, live);
  listenStage(joined, live);

  joined.onMessage('reaction', ({ reaction }: EventServerMessages['reaction']) => {
    if (live() && (REACTIONS as readonly string[]).includes(reaction)) emitReactionBurst(reaction);
  });
  joined.onMessage('eventNotice', ({ code }: EventServerMessages['eventNotice']) => {
    if (!live() || !isNoticeCode(code) || SAID_ON_LEAVE.has(code)) return;
    const alert = code === 'notHost' || code === 'rateLimited' || code === 'muted';
    useLayoverStore.getState().pushToast({ kind: alert ? 'alert' : 'status', key: `event.notice.${code}` });
  });
  joined.onMessage('dropResult', ({ dropId, outcome, prize }: EventServerMessages['dropResult']) => {
    if (!live() || !(DROP_OUTCOMES as readonly string[]).includes(outcome)) return;
    const store = useLayoverStore.getState();
    store.setDropOutcome({ dropId, outcome, prizeId: prize?.prizeId ?? null });
    // Won, but held until the member keeps their account (PRIZE_REQUIRES).
    if (prize?.keepAccountBy !== undefined) store.pushToast({ kind: 'status', key: 'rewards.keepAccount' });
  });
}

/** We are out of the hall: nothing of it stays on screen. */
export function forgetEventHall(): void {
  hideHostStandIn();
  useLayoverStore.getState().leaveHall();
  useStageStore.getState().reset();
}
