import type { AppContext } from '../context.ts';

/**
 * The context one room type is defined with: the same services (getters such as `oracle` included, read through
 * the prototype, so never spread it), and a logger whose every line carries `room`.
 */
export function roomContext(ctx: AppContext, room: string): AppContext {
  return Object.create(ctx, { logger: { value: ctx.logger.child({ room }), enumerable: true } });
}
