import type { Presence } from '@colyseus/core';
import type { AppLogger } from '../context.ts';
import type { StageSnapshot } from './stage-snapshot.ts';

/** What one instance of an event tells the others (in this process or any other sharing presence). */
export type StageSignal =
  | { t: 'stage'; stage: StageSnapshot }
  | { t: 'hostPose'; x: number; z: number; heading: number }
  | { t: 'question'; question: { id: string; memberId: string; name: string; text: string; at: number } }
  | { t: 'tally'; pollId: string; tallies: number[] }
  | { t: 'dropCount'; dropId: string; claimed: number; entrants: number; state: string; seed: string }
  | { t: 'kick'; memberId: string; reason: 'removed' | 'banned' }
  | { t: 'end' };

const channel = (eventId: string) => `layover:event:${eventId}`;

/** One instance's subscription to its event's channel. */
export class StageChannel {
  private listener: ((signal: StageSignal) => void) | undefined;

  constructor(
    private readonly presence: Presence,
    private readonly eventId: string,
    private readonly logger: AppLogger,
  ) {}

  async listen(onSignal: (signal: StageSignal) => void): Promise<void> {
    this.listener = onSignal;
    await this.presence.subscribe(channel(this.eventId), onSignal);
  }

  /** Sends to every instance of the event, this one included. */
  publish(signal: StageSignal): void {
    void Promise.resolve(this.presence.publish(channel(this.eventId), signal)).catch((err: unknown) =>
      this.logger.error({ err, eventId: this.eventId, signal: signal.t }, 'stage signal not sent'),
    );
  }

  close(): void {
    if (this.listener) this.presence.unsubscribe(channel(this.eventId), this.listener);
    this.listener = undefined;
  }
}
