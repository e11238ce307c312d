// The lounge without interest management or quantisation: the baseline that test/bench/scale.ts measures against.
import { Room, validate } from '@colyseus/core';
import { MapSchema, Schema, type } from '@colyseus/schema';
import { spawnPose } from '../../server/domain/lounge-members.ts';
import { loungeColliders, WALK_SPEED } from '../../shared/content/lounge-layout.ts';
import { type Pose, type Steering, stepAvatar } from '../../shared/movement.ts';
import { MoveIntent, MoveTarget } from '../../shared/protocol/lounge-messages.ts';

/** The lounge's Member, but with float32 x/z/heading written on every tick. */
export class NaiveMember extends Schema {
  @type('string') id = '';
  @type('string') name = '';
  @type('float32') x = 0;
  @type('float32') z = 0;
  @type('float32') heading = 0;
  @type('string') emote = '';
  @type('uint16') emoteSeq = 0;
  @type('string') tier = 'guest';
  @type('string') status = 'guest';
}

export class NaiveState extends Schema {
  @type({ map: NaiveMember }) members = new MapSchema<NaiveMember>();
}

/** Room name the bench entry registers this room under. */
export const NAIVE_ROOM = 'naive-lounge';

const TICK_RATE = 20;

/** Every client gets every avatar at full precision, 20 times a second: no StateView, no keyframes. */
export class NaiveRoom extends Room<{ state: NaiveState }> {
  override state = new NaiveState();
  private readonly steering = new Map<string, Steering>();
  private readonly poses = new Map<string, Pose>();
  private joined = 0;

  override messages = {
    move: validate(MoveIntent, (client, input) => {
      const still = input.x === 0 && input.z === 0;
      this.steering.set(client.sessionId, still ? null : { kind: 'intent', x: input.x, z: input.z });
    }),
    moveTo: validate(MoveTarget, (client, target) => {
      this.steering.set(client.sessionId, { kind: 'target', x: target.x, z: target.z });
    }),
  };

  override onCreate(options: { capacity?: number }): void {
    this.maxClients = options.capacity ?? 400;
    this.setFixedTimestep((ctx) => this.step(ctx.dt), TICK_RATE);
    this.patchRate = 1000 / TICK_RATE;
  }

  override onJoin(client: { sessionId: string }): void {
    const pose = spawnPose(Math.random);
    const member = new NaiveMember();
    this.joined += 1;
    member.id = `naive-${this.roomId}-${this.joined}`;
    member.name = `Naive ${this.joined}`;
    member.x = pose.x;
    member.z = pose.z;
    member.heading = pose.heading;
    this.poses.set(client.sessionId, pose);
    this.state.members.set(client.sessionId, member);
  }

  override onLeave(client: { sessionId: string }): void {
    this.state.members.delete(client.sessionId);
    this.poses.delete(client.sessionId);
    this.steering.delete(client.sessionId);
  }

  private step(dt: number): void {
    for (const [sessionId, member] of this.state.members) {
      const pose = this.poses.get(sessionId);
      const steering = this.steering.get(sessionId);
      if (!pose || !steering) continue;
      const result = stepAvatar(pose, steering, dt, WALK_SPEED, loungeColliders);
      this.poses.set(sessionId, result.pose);
      if (!result.moving && steering.kind === 'target') this.steering.set(sessionId, null);
      member.x = result.pose.x;
      member.z = result.pose.z;
      member.heading = result.pose.heading;
    }
  }
}
