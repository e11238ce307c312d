import { ArraySchema, MapSchema, Schema, type } from '@colyseus/schema';
import { LoungeState } from './LoungeState.ts';

/** A poll or a Gate Trivia question on the big screen; tallies add up every instance of the event. */
export class StagePoll extends Schema {
  @type('string') id = '';
  @type('string') kind = 'poll';
  @type('string') question = '';
  @type(['string']) options = new ArraySchema<string>();
  @type(['uint32']) tallies = new ArraySchema<number>();
  @type('boolean') open = false;
  /** Trivia: index of the right answer once the question closes; -1 otherwise. */
  @type('int8') correct = -1;
}

/** The drop the host released last. */
export class StageDrop extends Schema {
  @type('string') id = '';
  @type('string') prizeId = '';
  @type('string') mode = 'first';
  @type('uint16') supply = 0;
  @type('uint16') claimed = 0;
  @type('uint16') entrants = 0;
  /** Epoch ms the claim window closes. */
  @type('float64') closesAt = 0;
  /** `open`, `closed` (window over), `drawn` (raffle winners chosen). */
  @type('string') state = '';
  /** Raffle: sha256 of the seed, shown when the drop opens; the seed itself once drawn. */
  @type('string') commit = '';
  @type('string') seed = '';
}

/** A question from the audience. */
export class StageQuestion extends Schema {
  @type('string') id = '';
  @type('string') memberId = '';
  @type('string') name = '';
  @type('string') text = '';
  @type('float64') at = 0;
}

/** What every instance of the event shows alike: the host, the screen, the poll and the drop. */
export class Stage extends Schema {
  @type('string') eventId = '';
  @type('string') title = '';
  @type('string') hall = '';
  /** scheduled | live | ended */
  @type('string') status = 'scheduled';
  @type('float64') endsAt = 0;
  @type('string') hostId = '';
  @type('string') hostName = '';
  /** Whether the host stands in some instance now; their pose is mirrored into every instance. */
  @type('boolean') hostPresent = false;
  @type('float32') hostX = 0;
  @type('float32') hostZ = 0;
  @type('float32') hostHeading = 0;
  @type('string') announcement = '';
  @type('uint16') announcementSeq = 0;
  @type('string') spotlightId = '';
  @type('string') spotlightName = '';
  @type(StagePoll) poll = new StagePoll();
  @type(StageDrop) drop = new StageDrop();
  @type(StageQuestion) pinned = new StageQuestion();
}

/** The event hall: the lounge's avatars plus the shared stage, questions and who is muted. */
export class EventState extends LoungeState {
  @type(Stage) stage = new Stage();
  /** Newest last; the latest 30 from every instance. */
  @type([StageQuestion]) questions = new ArraySchema<StageQuestion>();
  /** Member ids holding the host role who are in the hall (any instance sees its own). */
  @type({ map: 'boolean' }) hosts = new MapSchema<boolean>();
  /** Member ids the host muted (no chat, questions or reactions). */
  @type({ map: 'boolean' }) muted = new MapSchema<boolean>();
  /** 1 for the first instance of the event, 2 for the first overflow, ... */
  @type('uint8') instance = 1;
}
