import { type Client, validate } from '@colyseus/core';
import { ScreenVideoMessages } from '../../shared/protocol/screen-video.ts';
import type { AdmittedMember } from '../auth/admission.ts';
import type { AppLogger } from '../context.ts';
import { KeyedRateLimiter } from '../domain/rate-limit.ts';
import type { ScreenVideo } from './screen-video.ts';

/** What the handlers need of the hall: its screen video (once the event is open), a log, and the host refusal. */
export interface ScreenVideoHall {
  screenVideo(): ScreenVideo | undefined;
  logger(): AppLogger;
  notHost(client: Client): void;
}

/**
 * The hall's screen-video messages: play/stop for the host role only, sync for any seated member. Each client gets a
 * few at once and then two a second: more (a script replaying them) is dropped unanswered.
 */
export function screenVideoMessages(hall: ScreenVideoHall) {
  const limiter = new KeyedRateLimiter(5, 2);
  const allowed = (client: Client) => limiter.take(client.sessionId, Date.now());
  const run = (work: Promise<unknown>) =>
    void work.catch((err: unknown) => hall.logger().error({ err }, 'screen video message failed'));
  const host = (client: Client) => Boolean((client.auth as AdmittedMember | undefined)?.host);
  return {
    screenVideoPlay: validate(ScreenVideoMessages.screenVideoPlay, (client, message) => {
      if (!host(client)) return hall.notHost(client);
      const video = hall.screenVideo();
      if (!video || !allowed(client)) return;
      run(
        video.play(message.url).then((code) => {
          if (code) client.send('screenVideoRefused', { code });
        }),
      );
    }),
    screenVideoStop: validate(ScreenVideoMessages.screenVideoStop, (client) => {
      if (!host(client)) return hall.notHost(client);
      const video = hall.screenVideo();
      if (video && allowed(client)) run(video.stop());
    }),
    screenVideoSync: validate(ScreenVideoMessages.screenVideoSync, (client) => {
      if (client.auth && allowed(client)) hall.screenVideo()?.sync(client);
    }),
  };
}
