import { validate } from '@colyseus/core';
import { mayDo } from '../../../shared/protocol/staff-roles.ts';
import { EARSHOT_RATE_HZ, VoiceClientMessages } from '../../../shared/protocol/voice.ts';
import type { AppContext } from '../../context.ts';
import { loungeKey } from '../../media/service.ts';
import type { LoungeCrowd } from './lounge-crowd.ts';
import { memberLimiter, ROOM_LIMITS } from './member-limits.ts';
import { LoungeVoice, type VoiceClient } from './voice-lounge.ts';

/** What a lounge room hands its voice: the context, its clients, its clock and its crowd (for positions). */
export interface VoiceHost {
  ctx: AppContext;
  clients(): Iterable<VoiceClient>;
  roomId(): string;
  clock: { setInterval(handler: () => void, ms: number): unknown };
  crowd(): LoungeCrowd;
}

/** A lounge's voice, updating earshot a few times a second on the room's clock (stopped with the room). */
export function openLoungeVoice(host: VoiceHost): LoungeVoice {
  const { ctx } = host;
  const reports = memberLimiter(ctx, ROOM_LIMITS.report);
  const voice = new LoungeVoice({
    clients: host.clients,
    poseOf: (sessionId) => host.crowd().motion.poseOf(sessionId),
    // Hosts (and owners) moderate; guests never hold a role; members are looked up by every principal, at message time.
    isStaff: async (auth) =>
      auth.tier !== 'guest' &&
      mayDo(await ctx.members.teamRoles({ id: auth.memberId, address: auth.address }), 'events'),
    mayReport: (memberId) => reports.take(memberId, ctx.clock.now()),
    recordReport: (report) => ctx.logger.warn({ voiceReport: report }, 'voice: a member reported a speaker'),
    feedOf: (memberId) => ctx.media?.feedOf(loungeKey(host.roomId()), memberId),
    // Without Janus (MEDIA=off) the earshot alone enforces it: no one is told to subscribe to a muted speaker.
    mediaModerate: async (memberId, action) => {
      const key = loungeKey(host.roomId());
      if (!ctx.media) return;
      if (action === 'remove') await ctx.media.kick(key, memberId);
      else await ctx.media.mute(key, memberId, action === 'mute');
    },
  });
  host.clock.setInterval(() => voice.update(), 1000 / EARSHOT_RATE_HZ);
  return voice;
}

/** The voice messages of a lounge room, validated (a bad payload is refused by Colyseus) and handed to its voice. */
export function voiceMessages(voice: () => LoungeVoice, logError: (err: unknown) => void) {
  return {
    voiceJoin: validate(VoiceClientMessages.voiceJoin, (client) => voice().join(client)),
    voiceLeave: validate(VoiceClientMessages.voiceLeave, (client) => voice().leave(client)),
    voiceModerate: validate(VoiceClientMessages.voiceModerate, (client, message) => {
      voice().moderate(client, message).catch(logError);
    }),
    voiceReport: validate(VoiceClientMessages.voiceReport, (client, message) =>
      voice().report(client, message),
    ),
  };
}
