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
  /** The member erased their data: every instance forgets their questions and takes them off the stage. */
  | { t: 'erase'; memberId: string }
  | { t: 'end' };

const channel = (eventId: string) => `layover:event:${eventId}`;

/** Sends one signal to every instance of an event without holding a subscription (erasure, from any route). */
export function publishStageSignal(
  presence: Presence,
  logger: AppLogger,
  eventId: string,
  signal: StageSignal,
): void {
  void Promise.resolve(presence.publish(channel(eventId), signal)).catch((err: unknown) =>
    logger.error({ err, eventId, signal: signal.t }, 'stage signal not sent'),
  );
}

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
    publishStageSignal(this.presence, this.logger, this.eventId, signal);
  }

  close(): void {
    if (this.listener) this.presence.unsubscribe(channel(this.eventId), this.listener);
    this.listener = undefined;
  }
}
