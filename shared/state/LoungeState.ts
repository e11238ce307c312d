import { MapSchema, Schema, type } from '@colyseus/schema';

/** One avatar in the lounge, as every member sees it. Fields only: behaviour lives in server/domain. */
export class Member extends Schema {
  @type('string') id = '';
  @type('string') name = '';
  @type('float32') x = 0;
  @type('float32') z = 0;
  @type('float32') heading = 0;
  @type('string') emote = '';
  @type('uint16') emoteSeq = 0;
  @type('string') tier = 'guest';
  /** Status level id earned from stamps (shared/content/status.ts). */
  @type('string') status = 'guest';
}

export class LoungeState extends Schema {
  @type({ map: Member }) members = new MapSchema<Member>();
}
