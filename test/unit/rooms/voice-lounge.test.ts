import { describe, expect, it } from 'vitest';
import type { AdmittedMember } from '../../../server/auth/admission.ts';
import { LoungeVoice, type VoiceClient } from '../../../server/rooms/parts/voice-lounge.ts';
import type { Pose } from '../../../shared/movement.ts';
import type { EarshotSpeaker } from '../../../shared/protocol/voice.ts';

/** A lounge with three clients (a, b near each other, c far), feeds issued by the test, staff = 'staff'. */
function lounge() {
  const sent: { to: string; type: string; message: unknown }[] = [];
  const poses = new Map<string, Pose>([
    ['sa', { x: 0, z: 0, heading: 0 }],
    ['sb', { x: 2, z: 0, heading: 0 }],
    ['sc', { x: 30, z: 0, heading: 0 }],
    ['ss', { x: 1, z: 1, heading: 0 }],
  ]);
  const feeds = new Map<string, number>();
  const client = (sessionId: string, memberId: string): VoiceClient => ({
    sessionId,
    auth: { memberId } as AdmittedMember,
    send: (type, message) => sent.push({ to: sessionId, type, message }),
  });
  const clients = [client('sa', 'a'), client('sb', 'b'), client('sc', 'c'), client('ss', 'staff')];
  const moderated: string[] = [];
  const voice = new LoungeVoice({
    clients: () => clients,
    poseOf: (sessionId) => poses.get(sessionId),
    isStaff: async (auth) => auth.memberId === 'staff',
    recordReport: () => {},
    mayReport: () => true,
    feedOf: (memberId) => feeds.get(memberId),
    mediaModerate: async (memberId, action) => void moderated.push(`${action}:${memberId}`),
  });
  const byId = (sessionId: string) => clients.find((each) => each.sessionId === sessionId)!;
  const lastEarshot = (sessionId: string) =>
    (
      sent.filter((m) => m.to === sessionId && m.type === 'voiceEarshot').at(-1)?.message as
        | { speakers: EarshotSpeaker[] }
        | undefined
    )?.speakers;
  const count = (sessionId: string) =>
    sent.filter((m) => m.to === sessionId && m.type === 'voiceEarshot').length;
  const lastSelf = (sessionId: string) =>
    sent.filter((m) => m.to === sessionId && m.type === 'voiceSelf').at(-1)?.message;
  return { voice, byId, feeds, lastEarshot, count, moderated, lastSelf };
}

describe('lounge voice earshot with media feeds', () => {
  it('tells a listener the feed id of a speaker once the speaker got one, and nothing when nothing changed', () => {
    const { voice, byId, feeds, lastEarshot, count } = lounge();
    for (const id of ['sa', 'sb', 'sc']) voice.join(byId(id));
    expect(lastEarshot('sb')).toEqual([{ sessionId: 'sa', memberId: 'a' }]);
    const before = count('sb');
    voice.update();
    expect(count('sb')).toBe(before);
    feeds.set('a', 7);
    voice.update();
    expect(lastEarshot('sb')).toEqual([{ sessionId: 'sa', memberId: 'a', feedId: 7 }]);
    expect(count('sb')).toBe(before + 1);
    // c, 30 m away, hears no one and is heard by no one, feed or not.
    feeds.set('c', 9);
    voice.update();
    expect(lastEarshot('sc')).toEqual([]);
    expect(lastEarshot('sa')?.map((s) => s.memberId)).toEqual(['b']);
  });

  it('drops a speaker muted by staff from every earshot (with their feed) and asks the media server to mute', async () => {
    const { voice, byId, feeds, lastEarshot, moderated } = lounge();
    feeds.set('a', 7);
    for (const id of ['sa', 'sb', 'ss']) voice.join(byId(id));
    expect(lastEarshot('sb')?.some((s) => s.feedId === 7)).toBe(true);
    await voice.moderate(byId('ss'), { memberId: 'a', action: 'mute' });
    expect(lastEarshot('sb')?.some((s) => s.memberId === 'a')).toBe(false);
    expect(moderated).toEqual(['mute:a']);
    await voice.moderate(byId('sb'), { memberId: 'b', action: 'remove' });
    expect(moderated).toEqual(['mute:a']);
  });

  it('tells staff (and only staff) that they may moderate, once the role is looked up', async () => {
    const { voice, byId, lastSelf } = lounge();
    voice.join(byId('ss'));
    voice.join(byId('sa'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(lastSelf('ss')).toEqual({ state: 'speaking', staff: true });
    expect(lastSelf('sa')).toEqual({ state: 'speaking', staff: false });
  });
});
