import type { Server } from '@colyseus/core';
import { z } from 'zod';
import { GameRoomName } from '../../../shared/rooms.ts';
import type { AppContext } from '../../context.ts';
import { roomContext } from '../../observability/room-context.ts';
import { BagsRoom } from './bags-room.ts';
import type { GameRoomCreateOptions, GameRoomOptions } from './game-room.ts';
import { PlaneRoom } from './plane-room.ts';
import { TriviaRoom } from './trivia-room.ts';

/** GAME_TIME_SCALE multiplies every game phase's duration (0.05 in tests, 1 in production). */
const Env = z.object({ GAME_TIME_SCALE: z.coerce.number().positive().max(4).default(1) });

/** GAME_TIME_SCALE from the environment; a bad value stops boot with what is wrong. */
export function gameTimeScale(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = Env.safeParse(env);
  if (!parsed.success)
    throw new Error(`Layover: invalid environment\n  GAME_TIME_SCALE: ${parsed.error.issues[0]?.message}`);
  return parsed.data.GAME_TIME_SCALE;
}

/** Registers the three mini-game rooms; options given here override any a client sends. */
export function defineGameRooms(
  server: Pick<Server, 'define'>,
  ctx: AppContext,
  options: GameRoomOptions = { timeScale: gameTimeScale() },
): void {
  const defined = (room: string): GameRoomCreateOptions => ({
    ctx: roomContext(ctx, room),
    timeScale: options.timeScale ?? 1,
  });
  server.define(GameRoomName.plane, PlaneRoom, defined(GameRoomName.plane));
  server.define(GameRoomName.trivia, TriviaRoom, defined(GameRoomName.trivia));
  server.define(GameRoomName.bags, BagsRoom, defined(GameRoomName.bags));
}
