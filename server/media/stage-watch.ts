import type { Presence } from '@colyseus/core';
import type { StageMediaView } from '../../shared/protocol/stage-media.ts';
import type { AppLogger } from '../context.ts';
import { StageMediaBoard } from '../live-events/stage-media-board.ts';
import { mayPublish } from '../live-events/stage-media-rules.ts';

/** The stage views of the events whose stage rooms this process made, kept current from presence. */
export class StageWatch {
  private readonly views = new Map<string, { board: StageMediaBoard; view: StageMediaView | undefined }>();

  constructor(
    private readonly presence: Presence,
    private readonly logger: AppLogger,
    /** Called after a stage changed (the service sweeps that room at once). */
    private readonly onChange: (eventId: string) => void,
  ) {}

  /** Starts following an event's stage (once). */
  async follow(eventId: string): Promise<void> {
    if (this.views.has(eventId)) return;
    const entry = { board: new StageMediaBoard(this.presence, eventId, this.logger), view: undefined } as {
      board: StageMediaBoard;
      view: StageMediaView | undefined;
    };
    this.views.set(eventId, entry);
    await entry.board.listen((view) => {
      if (!entry.view || view.seq >= entry.view.seq) entry.view = view;
      this.onChange(eventId);
    });
    const read = await entry.board.read();
    if (!entry.view || read.seq > entry.view.seq) entry.view = read;
  }

  /** Reads the stage again from presence (each sweep does, so a missed message never keeps a stale view). */
  async refresh(eventId: string): Promise<void> {
    const entry = this.views.get(eventId);
    if (!entry) return;
    entry.view = await entry.board.read();
  }

  /** Whether a member may publish on the event's stage as its last known view says (nobody before it is known). */
  mayPublish(eventId: string, memberId: string): boolean {
    const view = this.views.get(eventId)?.view;
    return view ? mayPublish(view, memberId) : false;
  }

  close(): void {
    for (const { board } of this.views.values()) board.close();
    this.views.clear();
  }
}
