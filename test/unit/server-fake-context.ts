// A context with fakes for the parts that would need a chain or a database, so rooms run in a unit test.
import { LocalPresence } from '@colyseus/core';
import type { PublicClient } from 'viem';
import { hashToken, type ResolvedSession } from '../../server/auth/sessions.ts';
import type { GateService } from '../../server/chain/gate-service.ts';
import type { OwnershipReader } from '../../server/chain/ownership.ts';
import { HoldingsChanges } from '../../server/chain/transfer-watcher.ts';
import { loadConfig } from '../../server/config.ts';
import { staticContentRegistry } from '../../server/content/static-registry.ts';
import { type AppContext, type AppLogger, systemClock } from '../../server/context.ts';
import type { MemberRecord } from '../../server/db/members.ts';
import type { Db, Ledger } from '../../server/db/open.ts';
import type { Holdings } from '../../server/domain/gates.ts';
import { createMetrics } from '../../server/observability/metrics.ts';
import { parseRoomGates, roomGates } from '../../shared/content/gates.ts';

/** What the fakes were asked and what they answer; a test sets members, stamps and holdings. */
export interface FakeWorld {
  sessions: Map<string, ResolvedSession>;
  stamps: Map<string, number>;
  holdings: Map<string, Holdings>;
  holdingsReads: string[];
  ledgerCalls: number;
  errors: string[];
}

/** A member and a session for `token`, as the fake directory will resolve it. */
export function addMember(
  world: FakeWorld,
  token: string,
  member: { id: string; name: string; address?: string },
): void {
  const record = {
    id: member.id,
    displayName: member.name,
    address: member.address?.toLowerCase() ?? null,
    locale: null,
    createdAt: new Date(0),
  } as MemberRecord;
  world.sessions.set(token, {
    member: record,
    kind: member.address ? 'wallet' : 'guest',
    deviceId: null,
    tokenHash: token,
  });
}

/** A ledger with no database: every use is counted and fails (quest writes log and go on). */
function fakeLedger(world: FakeWorld): Ledger {
  const db = new Proxy({} as Db, {
    get() {
      world.ledgerCalls += 1;
      throw new Error('fake ledger: no database');
    },
  });
  return { db, kind: 'pglite', close: async () => {} };
}

/** The real gate rules, read against holdings the test decides. */
function fakeGates(world: FakeWorld): GateService {
  const reader = {
    holdingsFor: async (address: string) => {
      world.holdingsReads.push(address.toLowerCase());
      return world.holdings.get(address.toLowerCase()) ?? {};
    },
  } as unknown as OwnershipReader;
  return {
    rules: new Map(parseRoomGates(roomGates).map((gate) => [gate.room, gate.rule])),
    reader,
    changes: new HoldingsChanges(),
    readMode: { kind: 'parallel' },
    recheckMs: 60_000,
    verify: async () => {},
    stop: () => {},
  };
}

function collectingLogger(world: FakeWorld): AppLogger {
  const logger: AppLogger = {
    debug: () => {},
    info: () => {},
    warn: (first: object | string, message?: string) => {
      world.errors.push(typeof first === 'string' ? first : (message ?? ''));
    },
    error: (first: object | string, message?: string) => {
      world.errors.push(typeof first === 'string' ? first : (message ?? ''));
    },
    child: () => logger,
  };
  return logger;
}

/** A whole AppContext of fakes: no anvil, no database, local presence. */
export function fakeContext(): { ctx: AppContext; world: FakeWorld } {
  const world: FakeWorld = {
    sessions: new Map(),
    stamps: new Map(),
    holdings: new Map(),
    holdingsReads: [],
    ledgerCalls: 0,
    errors: [],
  };
  const ctx: AppContext = {
    config: loadConfig({}, { port: 0, loungeCapacity: 10 }),
    ledger: fakeLedger(world),
    chain: { chainId: 31337, contracts: {}, rpcUrl: 'http://127.0.0.1:0', publicClient: {} as PublicClient },
    gates: fakeGates(world),
    members: {
      resolveSession: async (token) => world.sessions.get(token),
      sessionLive: async (tokenHash) =>
        [...world.sessions.keys()].some((token) => hashToken(token) === tokenHash),
      stampCount: async (memberId) => world.stamps.get(memberId) ?? 0,
      teamRoles: async () => [],
    },
    oracle: undefined,
    presence: new LocalPresence(),
    content: staticContentRegistry(),
    clock: systemClock,
    logger: collectingLogger(world),
    metrics: createMetrics({ processMetrics: false }),
    custodyAddress: undefined,
  };
  return { ctx, world };
}
