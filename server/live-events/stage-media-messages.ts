import { type Client, validate } from '@colyseus/core';
import type { z } from 'zod';
import { StageMediaAudienceMessages, StageMediaHostMessages } from '../../shared/protocol/stage-media.ts';
import type { AppLogger } from '../context.ts';
import type { StageMediaClient, StageMediaPart } from './stage-media-part.ts';

/** The hall's stage-media messages, each validated by its schema; host ones refused unless the sender is a host. */
export function stageMediaMessages(
  part: () => StageMediaPart,
  refuseNotHost: (client: Client) => void,
  logger: () => AppLogger,
) {
  const run = (work: unknown) =>
    void Promise.resolve(work).catch((err: unknown) => logger().error({ err }, 'stage media message failed'));
  const on = <S extends z.ZodType>(schema: S, handler: (c: StageMediaClient, m: z.output<S>) => unknown) =>
    validate(schema, (client, message) => run(handler(client as StageMediaClient, message as z.output<S>)));
  const host = <S extends z.ZodType>(schema: S, handler: (c: StageMediaClient, m: z.output<S>) => unknown) =>
    validate(schema, (client, message) => {
      const sender = client as StageMediaClient;
      if (!sender.auth?.host) return refuseNotHost(client);
      run(handler(sender, message as z.output<S>));
    });
  const a = StageMediaAudienceMessages;
  const h = StageMediaHostMessages;
  return {
    stageRaiseHand: on(a.stageRaiseHand, (c, m) => part().raiseHand(c, m)),
    stageAnswerInvite: on(a.stageAnswerInvite, (c, m) => part().answer(c, m)),
    stageStepDown: on(a.stageStepDown, (c) => part().stepDown(c)),
    stageMediaSync: on(a.stageMediaSync, (c) => part().sync(c)),
    stageGoLive: host(h.stageGoLive, (c, m) => part().goLive(c, m)),
    stageEndLive: host(h.stageEndLive, (c) => part().endLive(c)),
    stageInvite: host(h.stageInvite, (c, m) => part().invite(c, m)),
    stageEndMember: host(h.stageEndMember, (c, m) => part().endMember(c, m)),
    stageMuteMember: host(h.stageMuteMember, (c, m) => part().muteMember(c, m)),
  };
}
