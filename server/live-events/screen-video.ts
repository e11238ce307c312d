import type { Client, Presence } from '@colyseus/core';
import {
  checkScreenVideoUrl,
  type ScreenVideoRefusal,
  type ScreenVideoState,
  type ScreenVideoStored,
} from '../../shared/protocol/screen-video.ts';
import type { AppLogger, Clock } from '../context.ts';
import { hlsOrigins } from './screen-video-origins.ts';

/** Presence hash of the video each event's screen plays (so an overflow hall opened later starts in step). */
const STORE_KEY = 'layover:screenVideo';
const channel = (eventId: string) => `layover:screenVideo:${eventId}`;

const NONE: ScreenVideoStored = { url: '', startedAt: 0, paused: false };

/**
 * The big screen's video for one hall instance: the host's play/stop go through presence to every instance of the
 * event (this process or others), each instance sends the state to its members with its clock reading.
 */
export class ScreenVideo {
  private current: ScreenVideoStored = NONE;
  private eventId: string | undefined;
  private readonly listener = (stored: ScreenVideoStored) => {
    this.current = stored;
    const message = this.message();
    for (const client of this.clients()) if (client.auth) client.send('screenVideo', message);
  };

  constructor(
    private readonly presence: Presence,
    private readonly clock: Clock,
    private readonly logger: AppLogger,
    private readonly clients: () => Iterable<Client>,
  ) {}

  /** Joins the event's channel and reads what its screen plays already. */
  async open(eventId: string): Promise<void> {
    this.eventId = eventId;
    await this.presence.subscribe(channel(eventId), this.listener);
    const stored = await this.presence.hget(STORE_KEY, eventId);
    if (stored) this.current = JSON.parse(stored) as ScreenVideoStored;
  }

  /** Starts `url` from its beginning now, for every instance; returns the refusal for a URL the lounge will not play. */
  async play(url: string): Promise<ScreenVideoRefusal | undefined> {
    const checked = checkScreenVideoUrl(url, hlsOrigins());
    if (!checked.ok) return checked.code;
    await this.store({ url: checked.url, startedAt: this.clock.now(), paused: false });
    return undefined;
  }

  /** Takes the video off the screen everywhere. */
  async stop(): Promise<void> {
    await this.store(NONE);
  }

  /** Sends one member the state (when their player mounts). */
  sync(client: Client): void {
    client.send('screenVideo', this.message());
  }

  /** Ends the subscription; the stored video stays for the other instances (cleared by stop). */
  close(): void {
    if (this.eventId) this.presence.unsubscribe(channel(this.eventId), this.listener);
  }

  private message(): ScreenVideoState {
    return { ...this.current, serverNow: this.clock.now() };
  }

  private async store(stored: ScreenVideoStored): Promise<void> {
    const eventId = this.eventId;
    if (!eventId) return;
    if (stored.url) await this.presence.hset(STORE_KEY, eventId, JSON.stringify(stored));
    else await this.presence.hdel(STORE_KEY, eventId);
    try {
      await this.presence.publish(channel(eventId), stored);
    } catch (err) {
      this.logger.error({ err, eventId }, 'screen video not sent');
    }
  }
}
