import { type Client, validate } from '@colyseus/core';
import { ScreenVideoMessages } from '../../shared/protocol/screen-video.ts';
import type { AdmittedMember } from '../auth/admission.ts';
import type { AppLogger } from '../context.ts';
import type { ScreenVideo } from './screen-video.ts';

/** What the handlers need of the hall: its screen video (once the event is open), a log, and the host refusal. */
export interface ScreenVideoHall {
  screenVideo(): ScreenVideo | undefined;
  logger(): AppLogger;
  notHost(client: Client): void;
}

/** The hall's screen-video messages: play/stop for the host role only, sync for any seated member. */
export function screenVideoMessages(hall: ScreenVideoHall) {
  const run = (work: Promise<unknown>) =>
    void work.catch((err: unknown) => hall.logger().error({ err }, 'screen video message failed'));
  const host = (client: Client) => Boolean((client.auth as AdmittedMember | undefined)?.host);
  return {
    screenVideoPlay: validate(ScreenVideoMessages.screenVideoPlay, (client, message) => {
      if (!host(client)) return hall.notHost(client);
      const video = hall.screenVideo();
      if (!video) return;
      run(
        video.play(message.url).then((code) => {
          if (code) client.send('screenVideoRefused', { code });
        }),
      );
    }),
    screenVideoStop: validate(ScreenVideoMessages.screenVideoStop, (client) => {
      if (!host(client)) return hall.notHost(client);
      const video = hall.screenVideo();
      if (video) run(video.stop());
    }),
    screenVideoSync: validate(ScreenVideoMessages.screenVideoSync, (client) => {
      if (client.auth) hall.screenVideo()?.sync(client);
    }),
  };
}
