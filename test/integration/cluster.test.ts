import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnvilInstance, startAnvil } from '../../server/chain/anvil.ts';
import { type FrontDoor, startNginx } from '../../server/cluster/nginx.ts';
import type { ChatLine } from '../../shared/protocol/lounge-messages.ts';
import type { QuestsSnapshot } from '../../shared/protocol/quests.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { postJson, waitFor } from '../support/layover.ts';
import { distanceTo } from '../support/pose.ts';
import { interrupt, type StartedServer, spawnLayover } from '../support/process.ts';

// Two server processes sharing Redis (matchmaking, presence) and PostgreSQL (the ledger) behind the front door,
// nginx, as `npm run start:cluster` runs them: the test needs nginx installed (`apt-get install nginx`).
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.TEST_CLUSTER_REDIS_URL ?? 'redis://127.0.0.1:6379/11';
const DB_NAME = 'layover_cluster_test';

type Prefix = 'p1' | 'p2';
interface Member {
  name: string;
  token: string;
  room: Room<unknown, LoungeState>;
  chat: ChatLine[];
  quests: QuestsSnapshot[];
  left: number | undefined;
}

let anvil: AnvilInstance | undefined;
let dir: string | undefined;
let door: FrontDoor | undefined;
const workers: Partial<Record<Prefix, StartedServer>> = {};
const rooms: Room[] = [];

function redis(...args: string[]): string {
  const { hostname, port, pathname } = new URL(REDIS_URL);
  const db = pathname.slice(1) || '0';
  return execFileSync('redis-cli', ['-h', hostname, '-p', port || '6379', '-n', db, ...args], {
    encoding: 'utf8',
  });
}

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

beforeAll(async () => {
  redis('flushdb');
  await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB_NAME}`);
  const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${DB_NAME}` }).toString();
  anvil = await startAnvil();
  dir = await mkdtemp(join(tmpdir(), 'layover-cluster-'));
  door = await startNginx({ port: 0, host: '127.0.0.1', dir: join(dir, 'nginx') });
  for (const prefix of ['p1', 'p2'] as const) {
    // One after the other: the first deploys the contracts, the second reuses its deployment record.
    workers[prefix] = await spawnLayover({
      PORT: '0',
      RPC_URL: anvil.rpcUrl,
      // This test started the anvil, as `npm run start:cluster` does: the test wallet may run on it.
      CHAIN_STARTED_BY_LAYOVER: '1',
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      PUBLIC_ADDRESS: `127.0.0.1:${door.port}/${prefix}`,
      DATA_DIR: join(dir, prefix),
      DEPLOYMENTS_DIR: join(dir, 'deployments'),
      CLIENT_BUILD: 'skip',
    });
    await door.setWorker(prefix, workers[prefix].url);
  }
});

afterAll(async () => {
  await Promise.allSettled(rooms.filter((room) => room.connection.isOpen).map((room) => room.leave()));
  await Promise.allSettled(Object.values(workers).map((worker) => interrupt(worker.child)));
  await door?.close().catch(() => {});
  await anvil?.stop().catch(() => {});
  await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`).catch(() => {});
  if (dir) await rm(dir, { recursive: true, force: true });
});

function worker(prefix: Prefix): StartedServer {
  const found = workers[prefix];
  if (!found) throw new Error(`worker ${prefix} is not running`);
  return found;
}

/** Joins the lounge through `url` and records what the member hears; the SDK's own reconnect is off. */
async function joinLounge(name: string, token: string, url: string): Promise<Member> {
  const room = await new Client(url).joinOrCreate<LoungeState>('lounge', { token });
  rooms.push(room);
  room.reconnection.enabled = false;
  const member: Member = { name, token, room, chat: [], quests: [], left: undefined };
  room.onMessage('chat', (line: ChatLine) => member.chat.push(line));
  room.onMessage('quests', (snapshot: QuestsSnapshot) => member.quests.push(snapshot));
  for (const type of ['stampEarned', 'prizeWon', 'delivery', 'notice']) room.onMessage(type, () => {});
  room.onLeave((code) => {
    member.left = code;
  });
  return member;
}

async function guest(name: string, url: string): Promise<Member> {
  const { body } = await postJson(`${url}/auth/guest`, { name });
  return joinLounge(name, body.token, url);
}

/** The worker whose prefix the room's websocket went through: the process hosting the room. */
function hostOf(member: Member): Prefix {
  const url = new URL(member.room.connection.url ?? '');
  expect(url.port).toBe(String(door!.port));
  return url.pathname.split('/')[1] as Prefix;
}

async function walkTo(member: Member, x: number, z: number): Promise<void> {
  member.room.send('moveTo', { x, z });
  const at = () => member.room.state.members?.get(member.room.sessionId);
  await waitFor(() => distanceTo(at()!, x, z) < 0.5, 15_000, `${member.name} at ${x}, ${z}`);
}

async function me(token: string): Promise<QuestsSnapshot> {
  const response = await fetch(`${door!.url}/api/members/me`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await response.json()) as QuestsSnapshot;
}

async function passport(token: string): Promise<{ stamps: string[]; points: number }> {
  const { stamps, points } = await me(token);
  return { stamps: stamps.map((stamp) => stamp.stampId).sort(), points };
}

const members: Member[] = [];

describe('two server processes behind one front door', () => {
  it('seats members joining through either process, or the front door, in one lounge', async () => {
    const ana = await guest('Ana', worker('p1').url);
    const bao = await guest('Bao', worker('p2').url);
    expect(bao.room.roomId).toBe(ana.room.roomId);
    await waitFor(() => ana.room.state.members?.get(bao.room.sessionId), 5000, 'Bao seen by Ana');
    await waitFor(() => bao.room.state.members?.get(ana.room.sessionId), 5000, 'Ana seen by Bao');
    ana.room.send('chat', { text: 'hello from p1' });
    bao.room.send('chat', { text: 'hello from p2' });
    await waitFor(() => bao.chat.some((line) => line.text === 'hello from p1'), 5000, 'Ana heard');
    await waitFor(() => ana.chat.some((line) => line.text === 'hello from p2'), 5000, 'Bao heard');

    const cai = await guest('Cai', door!.url);
    expect(cai.room.roomId).toBe(ana.room.roomId);
    await waitFor(() => cai.room.state.population === 3, 5000, 'Cai sees all three');
    expect(new Set([hostOf(ana), hostOf(bao), hostOf(cai)]).size).toBe(1);
    members.push(ana, bao, cai);
  });

  it('delivers a message published in one process to a member seated in the other', async () => {
    const [ana, bao] = members as [Member, Member];
    const other = hostOf(ana) === 'p1' ? 'p2' : 'p1';
    // First Visit, the real way: read the departures board, wave to Bao standing close by, walk to the window.
    await Promise.all([walkTo(ana, 0, 10), walkTo(bao, 1, 10)]);
    ana.room.send('interact', { objectId: 'departures-board' });
    ana.room.send('emote', { emote: 'wave' });
    await walkTo(ana, 0, -7);
    const firstVisit = (snapshot: QuestsSnapshot) => snapshot.stamps.find((s) => s.stampId === 'first-visit');
    // A guest's stamp is held until a wallet is linked.
    for (let held = false; !held; await new Promise((resolve) => setTimeout(resolve, 100))) {
      held = firstVisit(await me(ana.token))?.chain === 'held';
    }
    const heard = ana.quests.length;
    // Linking a wallet on the other process announces the guest's passport there; Redis carries it over.
    const linked = await postJson(`${worker(other).url}/auth/test-wallet`, {
      name: 'Ana',
      linkToken: ana.token,
    });
    expect(linked.status).toBe(200);
    // The wallet's session replaced the guest's in this browser: the new token is Ana's from now on.
    ana.token = linked.body.token;
    await waitFor(
      () => ana.quests.slice(heard).some((snapshot) => firstVisit(snapshot)?.chain !== 'held'),
      10_000,
      'the passport announced from the other process',
    );
  });

  it('rejoins everyone on the surviving process after the host is killed, passports intact', async () => {
    const before = await Promise.all(members.map((member) => passport(member.token)));
    expect(before[0]!.stamps).toContain('first-visit');
    expect(before[0]!.points).toBeGreaterThanOrEqual(100);
    const dead = hostOf(members[0]!);
    const survivor: Prefix = dead === 'p1' ? 'p2' : 'p1';
    const deadRoomId = members[0]!.room.roomId;
    const { child } = worker(dead);
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });
    delete workers[dead];
    await waitFor(() => members.every((member) => member.left !== undefined), 5000, 'every socket dropped');
    expect(members.map((member) => member.left)).toEqual([1006, 1006, 1006]);
    // Colyseus still lists the dead room until a join finds its process silent and health-checks it.
    expect(redis('hexists', 'roomcaches', deadRoomId).trim()).toBe('1');

    const started = Date.now();
    const back = await Promise.all(members.map((member) => joinLounge(member.name, member.token, door!.url)));
    const rejoinMs = Date.now() - started;
    expect(rejoinMs).toBeLessThan(15_000);
    for (const member of back) {
      expect(hostOf(member)).toBe(survivor);
      expect(member.room.roomId).not.toBe(deadRoomId);
    }
    expect(new Set(back.map((member) => member.room.roomId)).size).toBe(1);
    await waitFor(() => back[0]!.room.state.population === 3, 5000, 'all three together again');
    expect(redis('hexists', 'roomcaches', deadRoomId).trim()).toBe('0');
    expect(await Promise.all(back.map((member) => passport(member.token)))).toEqual(before);
    console.log(
      `cluster: ${members.length} members back in a lounge on ${survivor} ${rejoinMs} ms after the kill`,
    );
  });
});
