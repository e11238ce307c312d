import type { AppContext } from '../context.ts';

const roomNames = new WeakMap<AppContext, string>();

/**
 * The context one room type is defined with: the same services (getters such as `oracle` included, read through
 * the prototype, so never spread it), and a logger whose every line carries `room`.
 */
export function roomContext(ctx: AppContext, room: string): AppContext {
  const scoped: AppContext = Object.create(ctx, {
    logger: { value: ctx.logger.child({ room }), enumerable: true },
  });
  roomNames.set(scoped, room);
  return scoped;
}

/** The room name a context was scoped to by `roomContext` (admission labels refused joins with it). */
export function roomNameOf(ctx: AppContext): string | undefined {
  return roomNames.get(ctx);
}
