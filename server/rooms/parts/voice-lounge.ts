import type { Pose } from '../../../shared/movement.ts';
import type {
  EarshotSpeaker,
  VoiceModerate,
  VoiceNoticeCode,
  VoiceReport,
  VoiceServerMessages,
} from '../../../shared/protocol/voice.ts';
import type { AdmittedMember } from '../../auth/admission.ts';
import { earshotOf, sameEarshot, type VoicePosition } from './voice-earshot.ts';

/** The part of a room client the voice needs: who it is and a way to tell it. */
export interface VoiceClient {
  readonly sessionId: string;
  readonly auth?: AdmittedMember | undefined;
  send(type: string, message?: unknown): void;
}

/** What the voice needs of its lounge: its clients, where each avatar stands, and who holds a staff role. */
export interface VoiceRoom {
  clients(): Iterable<VoiceClient>;
  poseOf(sessionId: string): Pose | undefined;
  isStaff(auth: AdmittedMember): Promise<boolean>;
  /** Where a report for staff is recorded. */
  recordReport(report: { reporterId: string; memberId: string; reason: string }): void;
  /** A report's rate limit: true when this member may report now. */
  mayReport(memberId: string): boolean;
  /** The Janus feed id issued to a member in this instance's media room (undefined without media or a token). */
  feedOf(memberId: string): number | undefined;
  /** Cuts (or restores) the member's audio at the media server too, so a client ignoring `voiceSelf` is silenced. */
  mediaModerate(memberId: string, action: VoiceModerate['action']): Promise<void>;
}

const send = <K extends keyof VoiceServerMessages>(
  client: VoiceClient,
  type: K,
  payload: VoiceServerMessages[K],
) => client.send(type, payload);

/**
 * A lounge instance's voice: who joined it, whom each listener hears (decided here from the room's positions, at a
 * low rate), and staff moderation. Muted or removed members are in no one's earshot, so every client unsubscribes.
 */
export class LoungeVoice {
  private readonly joined = new Set<string>();
  private readonly heard = new Map<string, string[]>();
  /** What each listener was last sent (speakers and feed ids), so an unchanged list is not sent again. */
  private readonly sent = new Map<string, string>();
  private readonly muted = new Set<string>();
  private readonly removed = new Set<string>();
  /** Sessions in voice whose member holds a staff role (told so in `voiceSelf`). */
  private readonly staff = new Set<string>();
  private readonly positions: VoicePosition[] = [];

  constructor(private readonly room: VoiceRoom) {}

  join(client: VoiceClient): void {
    const memberId = client.auth?.memberId;
    if (!memberId) return;
    this.sendSelf(client, memberId);
    if (this.removed.has(memberId)) {
      this.notice(client, 'removedFromVoice');
      return;
    }
    this.joined.add(client.sessionId);
    // Staff see the moderation controls: told once the role is looked up (it is checked again on every action).
    if (client.auth)
      void this.room.isStaff(client.auth).then(
        (staff) => {
          if (!staff || !this.joined.has(client.sessionId)) return;
          this.staff.add(client.sessionId);
          this.sendSelf(client, memberId);
        },
        () => {},
      );
    this.heard.delete(client.sessionId);
    this.sent.delete(client.sessionId);
    this.update();
  }

  leave(client: VoiceClient): void {
    if (!this.joined.delete(client.sessionId)) return;
    this.heard.delete(client.sessionId);
    this.sent.delete(client.sessionId);
    this.staff.delete(client.sessionId);
    send(client, 'voiceEarshot', { speakers: [] });
  }

  /** Staff only: mute, unmute or remove a member's voice in this instance; everyone's earshot follows at once. */
  async moderate(client: VoiceClient, message: VoiceModerate): Promise<void> {
    if (!client.auth || !(await this.room.isStaff(client.auth))) {
      this.notice(client, 'notStaff');
      return;
    }
    const { memberId, action } = message;
    if (action === 'mute') this.muted.add(memberId);
    else if (action === 'unmute') {
      this.muted.delete(memberId);
      this.removed.delete(memberId);
    } else this.removed.add(memberId);
    for (const target of this.clientsOf(memberId)) {
      this.sendSelf(target, memberId);
      const code =
        action === 'mute' ? 'mutedByStaff' : action === 'unmute' ? 'unmutedByStaff' : 'removedFromVoice';
      this.notice(target, code);
      if (action === 'remove') this.leave(target);
    }
    this.notice(client, 'moderated');
    this.update();
    await this.room.mediaModerate(memberId, action);
  }

  /** A member reports a speaker they can hear: recorded for staff, at most a few a minute. */
  report(client: VoiceClient, message: VoiceReport): void {
    const reporterId = client.auth?.memberId;
    if (!reporterId || !this.joined.has(client.sessionId)) {
      this.notice(client, 'notInVoice');
      return;
    }
    if (!this.room.mayReport(reporterId)) {
      this.notice(client, 'reportRateLimited');
      return;
    }
    this.room.recordReport({ reporterId, memberId: message.memberId, reason: message.reason });
    this.notice(client, 'reported');
  }

  /** Whether a member may publish now (joined, not muted or removed): what a media token check asks. */
  maySpeak(memberId: string): boolean {
    return this.selfState(memberId) === 'speaking';
  }

  /** Recomputes every listener's earshot from the avatars' positions; sends only the lists that changed. */
  update(): void {
    const clients = new Map<string, VoiceClient>();
    for (const client of this.room.clients()) clients.set(client.sessionId, client);
    for (const sessionId of this.joined) if (!clients.has(sessionId)) this.forget(sessionId);
    this.positions.length = 0;
    for (const sessionId of this.joined) {
      const memberId = clients.get(sessionId)?.auth?.memberId;
      const pose = this.room.poseOf(sessionId);
      if (memberId && pose && this.maySpeak(memberId))
        this.positions.push({ sessionId, x: pose.x, z: pose.z });
    }
    for (const sessionId of this.joined) {
      const client = clients.get(sessionId);
      const pose = this.room.poseOf(sessionId);
      if (!client || !pose) continue;
      const before = this.heard.get(sessionId);
      const next = earshotOf({ sessionId, x: pose.x, z: pose.z }, this.positions, new Set(before ?? []));
      const speakers = next.map((id) => this.speaker(id, clients.get(id)?.auth?.memberId ?? ''));
      // A speaker's feed id appears once they got a media token: listeners learn it on the next update.
      const key = speakers.map((s) => `${s.sessionId}:${s.feedId ?? ''}`).join(',');
      if (before && sameEarshot(before, next) && this.sent.get(sessionId) === key) continue;
      this.heard.set(sessionId, next);
      this.sent.set(sessionId, key);
      send(client, 'voiceEarshot', { speakers });
    }
  }

  /** A client left the room: it neither hears nor is heard. */
  forget(sessionId: string): void {
    this.joined.delete(sessionId);
    this.heard.delete(sessionId);
    this.sent.delete(sessionId);
    this.staff.delete(sessionId);
  }

  private sendSelf(client: VoiceClient, memberId: string): void {
    send(client, 'voiceSelf', { state: this.selfState(memberId), staff: this.staff.has(client.sessionId) });
  }

  private speaker(sessionId: string, memberId: string): EarshotSpeaker {
    const feedId = memberId ? this.room.feedOf(memberId) : undefined;
    return feedId === undefined ? { sessionId, memberId } : { sessionId, memberId, feedId };
  }

  private selfState(memberId: string): VoiceServerMessages['voiceSelf']['state'] {
    if (this.removed.has(memberId)) return 'removed';
    return this.muted.has(memberId) ? 'muted' : 'speaking';
  }

  private clientsOf(memberId: string): VoiceClient[] {
    return [...this.room.clients()].filter((client) => client.auth?.memberId === memberId);
  }

  private notice(client: VoiceClient, code: VoiceNoticeCode): void {
    send(client, 'voiceNotice', { code });
  }
}
