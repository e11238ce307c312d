import { Callbacks, Client } from '@colyseus/sdk';
import { headingFromWire, positionFromWire } from '../../shared/netcode.ts';
import type { ChatLine } from '../../shared/protocol/lounge-messages.ts';
import { CHAT_MAX_LENGTH, NOTICE_CODES, type NoticeCode } from '../../shared/protocol/lounge-messages.ts';
import { EVENT_ROOM } from '../../shared/rooms.ts';
import type { LoungeState, Member } from '../../shared/state/LoungeState.ts';
import { listenForContent } from '../core/content/contentMessages.ts';
import { resetSteering } from '../core/input/steering.ts';
import { isEventLeave, joinErrorCode, leaveErrorCode } from '../core/net/joinError.ts';
import { currentRoom, type LoungeRoom, setCurrentRoom } from '../core/net/roomRef.ts';
import { resetSendState } from '../core/net/send.ts';
import { createPose, poses, pushSnapshot } from '../core/poses.ts';
import { isEventHall, isGatedRoom, type JoinableRoom, MAIN_ROOM } from '../core/roomNames.ts';
import { useLayoverStore } from '../core/store.ts';
import { attachEventHall, forgetEventHall } from '../hall/eventHall.ts';
import { eventRefusalKey } from '../hall/eventRefusal.ts';
import { listenForQuests } from '../passport/questMessages.ts';
import { listenForBar } from './perks/barMessages.ts';

/** Close code the SDK reports when we left on purpose. */
const CONSENTED = 4000;

let client: Client | null = null;
/** True while a new seat is being taken: the old room closing under us is then expected, not a failure. */
let changingSeat = false;

function lobbyClient(): Client {
  client ??= new Client(globalThis.location.origin.replace(/^http/, 'ws'));
  return client;
}

const isNoticeCode = (code: unknown): code is NoticeCode =>
  typeof code === 'string' && (NOTICE_CODES as readonly string[]).includes(code);

/** Forgets the room we were drawing: poses, roster, steering and throttles. */
function forgetRoom(): void {
  setCurrentRoom(null);
  resetSendState();
  resetSteering();
  poses.clear();
  useLayoverStore.getState().clearMembers();
  forgetEventHall();
}

/**
 * Joins `room` (an event hall needs `eventId`); the seat we hold stays until the new one is ours, so a refusal
 * leaves us where we were.
 */
async function takeSeat(room: JoinableRoom, token: string, eventId: string | null = null): Promise<void> {
  changingSeat = true;
  try {
    const hall = isEventHall(room) && eventId !== null;
    const options = hall ? { token, eventId } : { token };
    const joined = (await lobbyClient().joinOrCreate<LoungeState>(room, options)) as LoungeRoom;
    const previous = currentRoom();
    forgetRoom();
    setCurrentRoom(joined);
    if (hall) useLayoverStore.getState().enterHall(eventId);
    attach(joined);
    if (hall) attachEventHall(joined, () => currentRoom() === joined);
    useLayoverStore.getState().enterLounge(joined.sessionId, room);
    if (previous) await previous.leave(true).catch(() => undefined);
  } finally {
    changingSeat = false;
  }
}

/** After a failed seat change: if the old room closed meanwhile, sit back down in the main lounge. */
async function ensureSeated(token: string): Promise<void> {
  if (currentRoom()) return;
  try {
    await takeSeat(MAIN_ROOM, token);
  } catch (error) {
    console.warn('Layover: rejoining the lounge failed', error);
    useLayoverStore.getState().failSession(joinErrorCode(error));
  }
}

/** Joins the main lounge with a session token and mirrors its state into the store and the pose map. */
export async function connect(token: string): Promise<void> {
  await leaveLounge();
  try {
    await takeSeat(MAIN_ROOM, token);
  } catch (error) {
    console.warn('Layover: joining the lounge failed', error);
    useLayoverStore.getState().failSession(joinErrorCode(error));
  }
}

/**
 * Walks through a door: joins `room` with our session (an event hall with its `eventId`); a refusal is shown and
 * we stay put.
 */
export async function switchRoom(room: JoinableRoom, eventId: string | null = null): Promise<void> {
  const store = useLayoverStore.getState();
  const { token } = store;
  const here = store.room === room && (!isEventHall(room) || store.hallEventId === eventId);
  if (!token || store.switchingRoom || (here && currentRoom())) return;
  store.beginRoomSwitch();
  try {
    await takeSeat(room, token, eventId);
  } catch (error) {
    const code = joinErrorCode(error);
    console.warn(`Layover: joining ${room} was refused (${code})`, error);
    if (isGatedRoom(room) && (code === 'gateDenied' || code === 'passInUse'))
      store.refuseGate({ room, code });
    else {
      store.endRoomSwitch();
      const event = store.liveEvents.find((candidate) => candidate.id === eventId);
      const key = isEventHall(room) ? eventRefusalKey(code, event?.access) : (`error.${code}` as const);
      store.pushToast({ kind: 'alert', key });
    }
    await ensureSeated(token);
  }
}

/** Takes a seat in an event's hall (an overflow instance when the first is full). */
export function enterEventHall(eventId: string): Promise<void> {
  return switchRoom(EVENT_ROOM, eventId);
}

/** Walks out of the hall back to the main lounge. */
export function leaveEventHall(): Promise<void> {
  return switchRoom(MAIN_ROOM);
}

/** Takes the same room again with a new session token (a guest who just linked a wallet). */
export async function reseat(token: string): Promise<void> {
  const { room, hallEventId } = useLayoverStore.getState();
  try {
    await takeSeat(room ?? MAIN_ROOM, token, hallEventId);
  } finally {
    await ensureSeated(token);
  }
}

/** A gated room removed us (the pass left the wallet): back to the main lounge, saying why. */
async function returnAfterGateLost(): Promise<void> {
  const store = useLayoverStore.getState();
  store.loseGate();
  store.pushToast({ kind: 'alert', key: 'error.gateLost' });
  if (store.token) await ensureSeated(store.token);
}

/** The hall closed on us (removed, banned, the event ended, our host role gone): back to the main lounge, saying why. */
async function returnFromHall(
  why: 'eventRemoved' | 'eventBanned' | 'eventEnded' | 'roleChanged',
): Promise<void> {
  const store = useLayoverStore.getState();
  forgetEventHall();
  store.pushToast({ kind: why === 'eventEnded' ? 'status' : 'alert', key: `error.${why}` });
  if (store.token) await ensureSeated(store.token);
}

/** Waits between fresh seats after a lost room: its process may be gone, and finding that out takes Colyseus ~5 s. */
const REJOIN_DELAYS_MS = [500, 2000, 4000, 8000];

/**
 * The room's server went away for good (the SDK's own reconnect gave up): take a fresh seat in the same kind of room,
 * which the matchmaker puts on a live process; progress is in the ledger, so nothing is lost.
 */
async function rejoinAfterLoss(room: JoinableRoom, hallEventId: string | null): Promise<void> {
  const store = useLayoverStore.getState();
  store.setReconnecting(true);
  for (const delay of REJOIN_DELAYS_MS) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    const { token } = useLayoverStore.getState();
    if (!token || currentRoom()) return;
    try {
      await takeSeat(room, token, hallEventId);
      useLayoverStore.getState().setReconnecting(false);
      useLayoverStore.getState().pushToast({ kind: 'status', key: 'status.reconnected' });
      return;
    } catch (error) {
      const code = joinErrorCode(error);
      console.warn(`Layover: rejoining ${room} failed (${code})`, error);
      // Refused outright (the hall closed, the session ended): the main lounge, or the reason, not another try.
      if (code !== 'network' && code !== 'joinFailed') {
        useLayoverStore.getState().setReconnecting(false);
        if (room !== MAIN_ROOM && code !== 'sessionExpired' && code !== 'unauthorized')
          return ensureSeated(token);
        return useLayoverStore.getState().failSession(code);
      }
    }
  }
  useLayoverStore.getState().setReconnecting(false);
  useLayoverStore.getState().failSession('connectionLost');
}

/** Leaves the room (if any) and forgets everyone in it. */
export async function leaveLounge(): Promise<void> {
  const leaving = currentRoom();
  forgetRoom();
  if (leaving) await leaving.leave(true).catch(() => undefined);
}

function mirrorMember(sessionId: string, member: Member): void {
  useLayoverStore.getState().upsertMember({
    sessionId,
    id: member.id,
    name: member.name,
    tier: member.tier,
    status: member.status,
  });
  const pose = poses.get(sessionId);
  if (!pose) return;
  pose.id = member.id;
  pose.name = member.name;
  pose.tier = member.tier;
  pose.look = member.look;
  const x = positionFromWire(member.x);
  const z = positionFromWire(member.z);
  const heading = headingFromWire(member.heading);
  if (x !== pose.x || z !== pose.z || heading !== pose.heading)
    pushSnapshot(pose, performance.now(), x, z, heading);
  if (member.emoteSeq !== pose.emoteSeq) {
    pose.emoteSeq = member.emoteSeq;
    pose.emote = member.emote;
    pose.emoteAt = member.emote ? performance.now() : Number.NEGATIVE_INFINITY;
  }
}

function attach(joined: LoungeRoom): void {
  const callbacks = Callbacks.get(joined);
  // A room we are leaving may still deliver a patch or two; only the current room writes.
  const live = () => currentRoom() === joined;

  callbacks.listen('population', (population) => {
    if (live()) useLayoverStore.getState().setPopulation(population);
  });
  callbacks.onAdd('members', (member, sessionId) => {
    if (!live()) return;
    const pose = createPose(
      sessionId,
      member.id,
      member.name,
      member.tier,
      positionFromWire(member.x),
      positionFromWire(member.z),
      headingFromWire(member.heading),
    );
    // An emote already running when we arrive is not replayed.
    pose.emoteSeq = member.emoteSeq;
    poses.set(sessionId, pose);
    mirrorMember(sessionId, member);
    callbacks.onChange(member, () => live() && mirrorMember(sessionId, member));
  });
  callbacks.onRemove('members', (_member, sessionId) => {
    if (!live()) return;
    poses.delete(sessionId);
    useLayoverStore.getState().removeMember(sessionId);
  });

  joined.onMessage('chat', (line: ChatLine) => live() && useLayoverStore.getState().addChatLine(line));
  listenForQuests(joined, live);
  listenForContent(joined, live);
  listenForBar(joined, live);
  joined.onMessage('notice', ({ code }: { code: string }) => {
    // gateLost is announced when the room closes (4411), so its toast shows once.
    if (!live() || !isNoticeCode(code) || code === 'gateLost') return;
    useLayoverStore
      .getState()
      .pushToast({ kind: 'status', key: `notice.${code}`, vars: { max: CHAT_MAX_LENGTH } });
  });

  joined.onDrop(() => {
    if (!live()) return;
    useLayoverStore.getState().setReconnecting(true);
  });
  joined.onReconnect(() => {
    if (!live()) return;
    const state = useLayoverStore.getState();
    state.setReconnecting(false);
    state.pushToast({ kind: 'status', key: 'status.reconnected' });
  });
  joined.onLeave((code, reason) => {
    if (!live()) return;
    const { room, hallEventId } = useLayoverStore.getState();
    setCurrentRoom(null);
    poses.clear();
    if (code === CONSENTED || changingSeat) return;
    const why = leaveErrorCode(reason, code);
    console.warn(`Layover: left the room (${code}) ${reason ?? ''}`);
    if (why === 'gateLost') void returnAfterGateLost();
    else if (isEventLeave(why)) void returnFromHall(why);
    else if (why === 'connectionLost') void rejoinAfterLoss(room ?? MAIN_ROOM, hallEventId);
    else useLayoverStore.getState().failSession(why);
  });
}
