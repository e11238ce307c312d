import { createPublicClient, createWalletClient, http } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { partnerPassAbi } from '../../contracts/abi/PartnerPass.ts';
import { ANVIL_ACCOUNTS } from '../../server/chain/anvil.ts';
import type { RunningLayover } from '../../server/main.ts';
import {
  BagsClientMessages,
  PlaneClientMessages,
  TriviaClientMessages,
} from '../../shared/protocol/games.ts';
import { AudienceMessages, HostMessages } from '../../shared/protocol/live-events.ts';
import { LoungeClientMessages } from '../../shared/protocol/lounge-messages.ts';
import { walletSession } from '../support/event-bots.ts';
import { postJson } from '../support/layover.ts';

/** One room kind under fuzz: how to join it, as whom, and which message types it knows. */
export interface FuzzKind {
  name: string;
  room: string;
  options: Record<string, unknown>;
  bystanderToken: string;
  attackerToken: string;
  /** Game rooms hold a dropped player's seat for a moment, so each attacker connection there is a fresh guest. */
  freshAttacker?: () => Promise<string>;
  messageTypes: readonly string[];
  /** Lounge-like rooms patch only when someone acts, so the bystander moves; game rooms patch every tick. */
  bystanderMoves: boolean;
}

type Member = { token: string; address: `0x${string}` };

async function signIn(
  layover: RunningLayover,
  route: 'guest' | 'test-wallet',
  body: object,
): Promise<Member> {
  const { status, body: answer } = await postJson(`${layover.url}/auth/${route}`, body);
  if (status !== 200) throw new Error(`fuzz: /auth/${route} answered ${status}`);
  return { token: answer.token, address: answer.address };
}

/** Mints a PartnerPass to each address, so its holder is admitted to the suite. */
async function mintPartnerPasses(layover: RunningLayover, holders: Member[]): Promise<void> {
  const address = layover.contracts.PartnerPass;
  if (!address) throw new Error('fuzz: no PartnerPass deployed');
  const transport = http(layover.rpcUrl);
  const account = privateKeyToAccount(ANVIL_ACCOUNTS.partner.privateKey);
  const wallet = createWalletClient({ account, chain: foundry, transport });
  const publicClient = createPublicClient({ chain: foundry, transport });
  for (const holder of holders) {
    const hash = await wallet.writeContract({
      address,
      abi: partnerPassAbi,
      functionName: 'mint',
      args: [holder.address],
    });
    await publicClient.waitForTransactionReceipt({ hash });
  }
}

/** Schedules a live event open to anyone, starting now, through the brand console API. */
async function openEvent(layover: RunningLayover): Promise<string> {
  const host = await signIn(layover, 'test-wallet', { name: 'Mei Lin', host: true });
  const response = await fetch(`${layover.url}/api/console/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify({
      title: 'Fuzz Hall',
      description: 'Hostile frames into the event hall.',
      startsAt: new Date(Date.now() - 1000).toISOString(),
      durationMinutes: 120,
      hall: 'main-stage',
      access: { kind: 'anyone' },
      attendanceStampId: 'live-event',
      attendMinutes: 60,
      drops: [],
    }),
  });
  if (response.status !== 201) throw new Error(`fuzz: creating an event answered ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

/** Every room kind Layover serves, each with a fresh bystander and attacker admitted to it. */
export async function fuzzKinds(layover: RunningLayover): Promise<FuzzKind[]> {
  const guest = (name: string) => signIn(layover, 'guest', { name });
  const wallet = (name: string) => signIn(layover, 'test-wallet', { name });
  const lounge = Object.keys(LoungeClientMessages);
  const suite = [await wallet('Sue Bystander'), await wallet('Sam Attacker')];
  await mintPartnerPasses(layover, suite);
  const eventId = await openEvent(layover);
  const kinds: FuzzKind[] = [
    {
      name: 'lounge',
      room: 'lounge',
      options: {},
      ...pair(await guest('Bea'), await guest('Mallory')),
      messageTypes: lounge,
      bystanderMoves: true,
    },
    {
      name: 'vip',
      room: 'vip',
      options: {},
      ...pair(await wallet('Vic Bystander'), await wallet('Val Attacker')),
      messageTypes: lounge,
      bystanderMoves: true,
    },
    {
      name: 'suite',
      room: 'suite',
      options: {},
      ...pair(suite[0]!, suite[1]!),
      messageTypes: lounge,
      bystanderMoves: true,
    },
    {
      name: 'event',
      room: 'event',
      options: { eventId },
      ...pair(await wallet('Eve Bystander'), await wallet('Ed Attacker')),
      messageTypes: [...lounge, ...Object.keys(AudienceMessages), ...Object.keys(HostMessages)],
      bystanderMoves: true,
    },
    {
      name: 'trivia',
      room: 'trivia',
      options: {},
      ...pair(await guest('Tia'), await guest('Tom')),
      messageTypes: Object.keys(TriviaClientMessages),
      bystanderMoves: false,
    },
    {
      name: 'plane',
      room: 'plane',
      options: {},
      ...pair(await guest('Pia'), await guest('Pat')),
      messageTypes: Object.keys(PlaneClientMessages),
      bystanderMoves: false,
    },
    {
      name: 'bags',
      room: 'bags',
      options: {},
      ...pair(await guest('Bo'), await guest('Ben')),
      messageTypes: Object.keys(BagsClientMessages),
      bystanderMoves: false,
    },
  ];
  let attackers = 0;
  const freshAttacker = async () => {
    attackers += 1;
    return (await walletSession(layover.ctx.ledger.db, `Player ${attackers}`)).token;
  };
  for (const kind of kinds) if (!kind.bystanderMoves) kind.freshAttacker = freshAttacker;
  return kinds;
}

function pair(bystander: Member, attacker: Member): { bystanderToken: string; attackerToken: string } {
  return { bystanderToken: bystander.token, attackerToken: attacker.token };
}
