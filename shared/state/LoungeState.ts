import { MapSchema, Schema, type, view } from '@colyseus/schema';

/** One avatar in the lounge, as every member sees it. Fields only: behaviour lives in server/domain. */
export class Member extends Schema {
  @type('string') id = '';
  @type('string') name = '';
  /** Centimetres (shared/netcode.ts); the server keeps full precision and sends keyframes. */
  @type('int16') x = 0;
  @type('int16') z = 0;
  /** 256ths of a turn. */
  @type('uint8') heading = 0;
  @type('string') emote = '';
  @type('uint16') emoteSeq = 0;
  @type('string') tier = 'guest';
  /** Status level id earned from stamps (shared/content/status.ts). */
  @type('string') status = 'guest';
  /** The avatar's look, encoded by shared/avatar-look.ts (`encodeLook`); '' is the member's default look. */
  @type('string') look = '';
}

export class LoungeState extends Schema {
  /** Each client receives only the avatars near it (a StateView per client) and its own. */
  @view() @type({ map: Member }) members = new MapSchema<Member>();
  /** Everyone in this room, seen or not. */
  @type('uint16') population = 0;
}
