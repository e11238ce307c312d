import { describe, expect, it } from 'vitest';
import { feedsToKick } from '../../../server/media/feed-guard.ts';
import { mintFeedId, readFeedId } from '../../../server/media/feed-ids.ts';
import { joinKeyOf, roomIdOf, roomSecretOf } from '../../../server/media/room-keys.ts';
import type { FeedGrant } from '../../../server/media/rooms.ts';

const SECRET = 'a-shared-janus-token-secret';

const grantOf = (memberId: string, publish: boolean, stage = false): FeedGrant => ({
  memberId,
  publish,
  stage,
  present: false,
  published: false,
  spent: false,
});

describe('feed ids', () => {
  it('are JS-safe, unique, tied to their room and carry the publish right', () => {
    const room = roomIdOf(SECRET, 'stage:e1');
    const ids = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const publish = i % 2 === 0;
      const id = mintFeedId(SECRET, room, publish, (taken) => ids.has(taken));
      expect(Number.isSafeInteger(id)).toBe(true);
      expect(readFeedId(SECRET, room, id)).toEqual({ publish });
      expect(readFeedId(SECRET, room + 1, id)).toBeUndefined();
      expect(readFeedId('another-secret', room, id)).toBeUndefined();
      ids.add(id);
    }
    expect(ids.size).toBe(2000);
  });

  it('refuses made-up ids and a listener id with its publish bit set', () => {
    const room = roomIdOf(SECRET, 'lounge:r1');
    for (const made of [1, 424242, 2 ** 40, Number.MAX_SAFE_INTEGER, -5, 1.5])
      expect(readFeedId(SECRET, room, made)).toBeUndefined();
    const listener = mintFeedId(SECRET, room, false, () => false);
    expect(readFeedId(SECRET, room, listener + 2 ** 28)).toBeUndefined();
  });
});

describe('room keys', () => {
  it('agree across processes with the same secret and move with the ban epoch', () => {
    expect(roomIdOf(SECRET, 'stage:e1')).toBe(roomIdOf(SECRET, 'stage:e1'));
    expect(roomIdOf(SECRET, 'stage:e1')).not.toBe(roomIdOf(SECRET, 'stage:e2'));
    expect(Number.isSafeInteger(roomIdOf(SECRET, 'stage:e1'))).toBe(true);
    expect(roomSecretOf(SECRET, 'stage:e1')).not.toBe(roomSecretOf('other', 'stage:e1'));
    expect(joinKeyOf(SECRET, 'stage:e1', 0)).not.toBe(joinKeyOf(SECRET, 'stage:e1', 1));
  });
});

describe('feedsToKick', () => {
  const room = roomIdOf(SECRET, 'stage:e1');
  const readId = (id: number) => readFeedId(SECRET, room, id);
  const setup = () => {
    const grants = new Map<number, FeedGrant>();
    const add = (grant: FeedGrant) => {
      const id = mintFeedId(SECRET, room, grant.publish, (taken) => grants.has(taken));
      grants.set(id, grant);
      return id;
    };
    return { grants, add };
  };

  it('kicks made-up ids and listeners that publish, keeps granted ones and other processes ids', () => {
    const { grants, add } = setup();
    const listener = add(grantOf('linh', false));
    const host = add(grantOf('host', true));
    const elsewhere = mintFeedId(SECRET, room, true, () => false);
    const kicks = feedsToKick({
      participants: [
        { id: 424242, publisher: false },
        { id: listener, publisher: true },
        { id: host, publisher: true },
        { id: elsewhere, publisher: true },
      ],
      grants,
      readId,
      onStage: () => false,
      ended: () => false,
    });
    expect(kicks).toEqual([
      { id: 424242, reason: 'unknownFeed' },
      { id: listener, reason: 'publishWithoutGrant' },
    ]);
    expect(grants.get(host)?.published).toBe(true);
  });

  it('kicks a stage member off stage, a banned member, and an id that published and left', () => {
    const { grants, add } = setup();
    const quan = add(grantOf('quan', true, true));
    const mai = add(grantOf('mai', false));
    const sweep = (participants: { id: number; publisher: boolean }[], onStage: boolean, ended = false) =>
      feedsToKick({ participants, grants, readId, onStage: () => onStage, ended: () => ended });
    expect(sweep([{ id: quan, publisher: true }], true)).toEqual([]);
    expect(sweep([{ id: quan, publisher: true }], false)).toEqual([{ id: quan, reason: 'offStage' }]);
    expect(sweep([], false)).toEqual([]);
    expect(grants.get(quan)?.spent).toBe(true);
    expect(sweep([{ id: quan, publisher: false }], true)).toEqual([{ id: quan, reason: 'replayedFeed' }]);
    expect(sweep([{ id: mai, publisher: false }], true, true)).toEqual([{ id: mai, reason: 'mediaEnded' }]);
  });
});
