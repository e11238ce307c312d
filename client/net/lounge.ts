import { Callbacks, Client } from '@colyseus/sdk';
import type { ChatLine, NoticeCode } from '../../shared/protocol/lounge-messages.ts';
import { CHAT_MAX_LENGTH } from '../../shared/protocol/lounge-messages.ts';
import { RoomName } from '../../shared/rooms.ts';
import type { LoungeState, Member } from '../../shared/state/LoungeState.ts';
import { resetSteering } from '../input/steering.ts';
import { createPose, poses, pushSnapshot } from '../poses.ts';
import { useLayoverStore } from '../store.ts';
import { joinErrorCode, leaveErrorCode } from './joinError.ts';
import { currentRoom, type LoungeRoom, setCurrentRoom } from './roomRef.ts';
import { resetSendState } from './send.ts';

/** Close code the SDK reports when we left on purpose. */
const CONSENTED = 4000;

let client: Client | null = null;

function lobbyClient(): Client {
  client ??= new Client(globalThis.location.origin.replace(/^http/, 'ws'));
  return client;
}

/** Joins the lounge with a session token and mirrors its state into the store and the pose map. */
export async function connect(token: string): Promise<void> {
  await leaveLounge();
  const store = useLayoverStore.getState();
  try {
    const joined = await lobbyClient().joinOrCreate<LoungeState>(RoomName.lounge, { token });
    const lounge = joined as LoungeRoom;
    setCurrentRoom(lounge);
    attach(lounge);
    store.enterLounge(lounge.sessionId);
  } catch (error) {
    console.warn('Layover: joining the lounge failed', error);
    store.failSession(joinErrorCode(error));
  }
}

/** Leaves the room (if any) and forgets everyone in it. */
export async function leaveLounge(): Promise<void> {
  const leaving = currentRoom();
  setCurrentRoom(null);
  resetSendState();
  resetSteering();
  poses.clear();
  useLayoverStore.getState().clearMembers();
  if (leaving) await leaving.leave(true).catch(() => undefined);
}

function mirrorMember(sessionId: string, member: Member): void {
  useLayoverStore.getState().upsertMember({ sessionId, id: member.id, name: member.name, tier: member.tier });
  const pose = poses.get(sessionId);
  if (!pose) return;
  pose.id = member.id;
  pose.name = member.name;
  pose.tier = member.tier;
  if (member.x !== pose.x || member.z !== pose.z || member.heading !== pose.heading) {
    pushSnapshot(pose, performance.now(), member.x, member.z, member.heading);
  }
  if (member.emoteSeq !== pose.emoteSeq) {
    pose.emoteSeq = member.emoteSeq;
    pose.emote = member.emote;
    pose.emoteAt = member.emote ? performance.now() : Number.NEGATIVE_INFINITY;
  }
}

function attach(joined: LoungeRoom): void {
  const callbacks = Callbacks.get(joined);
  const store = useLayoverStore.getState();

  callbacks.onAdd('members', (member, sessionId) => {
    const pose = createPose(
      sessionId,
      member.id,
      member.name,
      member.tier,
      member.x,
      member.z,
      member.heading,
    );
    // An emote already running when we arrive is not replayed.
    pose.emoteSeq = member.emoteSeq;
    poses.set(sessionId, pose);
    mirrorMember(sessionId, member);
    callbacks.onChange(member, () => mirrorMember(sessionId, member));
  });
  callbacks.onRemove('members', (_member, sessionId) => {
    poses.delete(sessionId);
    useLayoverStore.getState().removeMember(sessionId);
  });

  joined.onMessage('chat', (line: ChatLine) => store.addChatLine(line));
  joined.onMessage('notice', ({ code }: { code: NoticeCode }) => {
    useLayoverStore
      .getState()
      .pushToast({ kind: 'status', key: `notice.${code}`, vars: { max: CHAT_MAX_LENGTH } });
  });

  joined.onDrop(() => {
    if (currentRoom() !== joined) return;
    useLayoverStore.getState().setReconnecting(true);
  });
  joined.onReconnect(() => {
    if (currentRoom() !== joined) return;
    const state = useLayoverStore.getState();
    state.setReconnecting(false);
    state.pushToast({ kind: 'status', key: 'status.reconnected' });
  });
  joined.onLeave((code, reason) => {
    if (currentRoom() !== joined) return;
    setCurrentRoom(null);
    poses.clear();
    if (code === CONSENTED) return;
    console.warn(`Layover: left the lounge (${code}) ${reason ?? ''}`);
    useLayoverStore.getState().failSession(leaveErrorCode(reason));
  });
}
