import type { Presence } from '@colyseus/core';
import { emptyStageMedia, StageMediaView } from '../../shared/protocol/stage-media.ts';
import type { AppLogger } from '../context.ts';
import { mayPublish, type StageMediaResult } from './stage-media-rules.ts';

const key = (eventId: string) => `layover:stage-media:${eventId}`;
const channel = (eventId: string) => `layover:stage-media:${eventId}:changed`;
/** The stage's media outlives no show: the key expires a day after its last change. */
const KEEP_SECONDS = 24 * 3600;

/** Changes are applied one at a time per event in this process (read, change, write, tell). */
const queues = new Map<string, Promise<unknown>>();

/** Reads the event's stage media from presence (shared by every process); empty when none or unreadable. */
export async function readStageMedia(presence: Presence, eventId: string): Promise<StageMediaView> {
  const raw: unknown = await presence.get(key(eventId));
  if (typeof raw !== 'string') return emptyStageMedia();
  try {
    const parsed = StageMediaView.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : emptyStageMedia();
  } catch {
    return emptyStageMedia();
  }
}

/** For the media token route: may this member publish on the event's stage room right now? */
export async function mayPublishOnStage(
  presence: Presence,
  eventId: string,
  memberId: string,
): Promise<boolean> {
  return mayPublish(await readStageMedia(presence, eventId), memberId);
}

/** One hall instance's hold on its event's stage media: changes it for every instance and hears theirs. */
export class StageMediaBoard {
  private listener: ((view: StageMediaView) => void) | undefined;

  constructor(
    private readonly presence: Presence,
    private readonly eventId: string,
    private readonly logger: AppLogger,
  ) {}

  async listen(onChange: (view: StageMediaView) => void): Promise<void> {
    this.listener = (view: StageMediaView) => onChange(view);
    await this.presence.subscribe(channel(this.eventId), this.listener);
  }

  read(): Promise<StageMediaView> {
    return readStageMedia(this.presence, this.eventId);
  }

  /** Applies `change` to the latest stage; a new stage is stored and sent to every instance. */
  change(change: (stage: StageMediaView) => StageMediaResult): Promise<StageMediaResult> {
    const before = queues.get(this.eventId) ?? Promise.resolve();
    const run = before.then(async () => {
      const result = change(await this.read());
      if (!result || !('next' in result)) return result;
      await this.presence.setex(key(this.eventId), JSON.stringify(result.next), KEEP_SECONDS);
      await this.presence.publish(channel(this.eventId), result.next);
      return result;
    });
    const settled = run.catch((err: unknown) => {
      this.logger.error({ err, eventId: this.eventId }, 'stage media not changed');
      return null;
    });
    queues.set(this.eventId, settled);
    void settled.then(() => {
      if (queues.get(this.eventId) === settled) queues.delete(this.eventId);
    });
    return settled;
  }

  close(): void {
    if (this.listener) this.presence.unsubscribe(channel(this.eventId), this.listener);
    this.listener = undefined;
  }
}
