import { matchMaker, type Room } from '@colyseus/core';
import type { Application } from 'express';
import { MediaRefusal, MediaTokenBody } from '../../shared/protocol/media.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { EVENT_ROOM, RoomName } from '../../shared/rooms.ts';
import type { AdmittedMember } from '../auth/admission.ts';
import { requireSession } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { isBanned } from '../live-events/moderation.ts';
import { mayPublishOnStage } from '../live-events/stage-media-board.ts';
import { loungeKey, stageKey } from '../media/service.ts';
import { describeZodError, sendError } from './errors.ts';

const LOUNGES = new Set<string>(Object.values(RoomName));

type SpaceRoom = Room & { clients: { auth?: AdmittedMember }[]; metadata?: { eventId?: string } };

/**
 * Media tokens: a member gets a short-lived Janus token for the hall or lounge instance they are in NOW (this
 * process's Colyseus room, their live session), publishing only where the server allows it (a hall's hosts and the
 * members the host put on its stage; lounge members, audio). Every grant carries a feed id the server's guard knows.
 */
export function mountMediaRoutes(app: Application, ctx: AppContext): void {
  app.get(routes.mediaStatus.path, (_req, res) => {
    res.set('cache-control', 'no-store').json({ media: ctx.media?.status ?? 'off' });
  });

  app.post(routes.mediaToken.path, async (req, res) => {
    const session = await requireSession(ctx, req, res);
    if (!session) return;
    res.set('cache-control', 'no-store');
    const body = MediaTokenBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, MediaRefusal.invalid, describeZodError(body.error));
    const media = ctx.media;
    if (!media || media.status !== 'up') return sendError(res, 503, MediaRefusal.unavailable);
    const memberId = session.member.id;
    if (await media.isRevoked(memberId)) return sendError(res, 403, MediaRefusal.banned);
    const { space, publish } = body.data;
    const room = matchMaker.getLocalRoomById(space.roomId) as SpaceRoom | undefined;
    const isHall = space.kind === 'hall';
    const kindMatches = room && (isHall ? room.roomName === EVENT_ROOM : LOUNGES.has(room.roomName));
    const seat = kindMatches ? room.clients.find((client) => client.auth?.memberId === memberId) : undefined;
    if (!room || !seat?.auth)
      return sendError(res, 403, MediaRefusal.notInSpace, 'not in that hall or lounge now');
    // The connection's own session must still be live too (signed out there: its seat is on its way out).
    if (!(await ctx.members.sessionLive(seat.auth.sessionKey))) return sendError(res, 401, 'unauthorized');
    let roomKey = loungeKey(space.roomId);
    let viaStage = false;
    if (isHall) {
      const eventId = room.metadata?.eventId;
      if (!eventId) return sendError(res, 403, MediaRefusal.notInSpace, 'the hall has no event');
      if (!seat.auth.host && (await isBanned(ctx.ledger.db, memberId, eventId)))
        return sendError(res, 403, MediaRefusal.banned);
      roomKey = stageKey(eventId);
      // Hosts publish by role; a member only while the shared stage view has them on stage and not muted.
      viaStage = !seat.auth.host;
      if (publish && viaStage && !(await mayPublishOnStage(ctx.presence, eventId, memberId)))
        return sendError(res, 403, MediaRefusal.notOnStage);
    }
    const muted = (room.state as { muted?: Map<string, unknown> } | undefined)?.muted;
    if (publish && muted?.has?.(memberId)) return sendError(res, 403, MediaRefusal.muted);
    // A lounge's staff muted or removed this member from its voice: they may listen, never publish.
    const maySpeak = (room as { maySpeak?: (memberId: string) => boolean }).maySpeak;
    if (publish && !isHall && maySpeak && !maySpeak.call(room, memberId))
      return sendError(res, 403, MediaRefusal.muted);
    res.json(await media.issueToken({ memberId, roomKey, publish, viaStage }));
  });
}
