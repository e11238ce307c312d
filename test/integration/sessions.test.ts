import { Client } from '@colyseus/sdk';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceSessions } from '../../server/db/schema.ts';
import type { RunningLayover } from '../../server/main.ts';
import { LeaveCode } from '../../shared/protocol/join.ts';
import { REFRESH_COOKIE } from '../../shared/protocol/sign-in.ts';
import type { LoungeState } from '../../shared/state/LoungeState.ts';
import { startTestLayover, waitFor } from '../support/layover.ts';

/**
 * Lasting browser sessions on a real server: a guest's refresh cookie survives a "reload" (a new access token from
 * POST /auth/refresh), rotates at every use, and a replayed one ends the whole family.
 */
let layover: RunningLayover;

beforeAll(async () => {
  layover = await startTestLayover();
});

afterAll(async () => {
  await layover?.stop();
});

/** The `layover_refresh` cookie a response set (name=value only), or undefined. */
function refreshCookie(response: Response): string | undefined {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    if (pair?.startsWith(`${REFRESH_COOKIE}=`) && pair.length > REFRESH_COOKIE.length + 1) return pair;
  }
  return undefined;
}

async function guest(name = 'Rin') {
  const response = await fetch(`${layover.url}/auth/guest`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0',
    },
    body: JSON.stringify({ name }),
  });
  expect(response.status).toBe(200);
  const cookie = refreshCookie(response);
  expect(cookie).toBeDefined();
  const setCookie = response.headers.getSetCookie().join('\n');
  return { body: await response.json(), cookie: cookie as string, setCookie };
}

function refresh(cookie: string | undefined, origin: string | null = layover.url) {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (origin) headers.origin = origin;
  return fetch(`${layover.url}/auth/refresh`, { method: 'POST', headers });
}

/** Refreshes once more and answers the rotated cookie. */
async function guestCookieAfterRefresh(cookie: string): Promise<string> {
  const response = await refresh(cookie);
  expect(response.status).toBe(200);
  return refreshCookie(response) as string;
}

async function me(token: string) {
  return (await fetch(`${layover.url}/api/members/me`, { headers: { authorization: `Bearer ${token}` } }))
    .status;
}

describe('a guest session that survives a reload', () => {
  it('sets an HttpOnly, SameSite=Lax refresh cookie scoped to /auth, and answers a 15-minute access token', async () => {
    const { body, setCookie } = await guest();
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\/auth/);
    expect(setCookie).not.toMatch(/Secure/i);
    expect(body).toMatchObject({
      status: 'signedIn',
      kind: 'guest',
      member: { name: 'Rin', lasting: false },
    });
    const ttl = body.expiresAt - Date.now();
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);
  });

  it('refreshes into the same member with a new token and a rotated cookie', async () => {
    const first = await guest('Mai');
    const response = await refresh(first.cookie);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'signedIn', kind: 'guest', member: { id: first.body.member.id } });
    expect(body.token).not.toBe(first.body.token);
    expect(await me(body.token)).toBe(200);
    const rotated = refreshCookie(response);
    expect(rotated).toBeDefined();
    expect(rotated).not.toBe(first.cookie);
    expect((await refresh(rotated)).status).toBe(200);
  });

  it('ends the whole family when a rotated-away cookie is replayed later', async () => {
    const first = await guest('Lan');
    const second = await refresh(first.cookie);
    const rotated = refreshCookie(second) as string;
    const { token } = await second.json();
    // Past the grace window for tabs refreshing at once.
    await layover.ctx.ledger.db
      .update(deviceSessions)
      .set({ rotatedAt: new Date(Date.now() - 60_000) })
      .where(eq(deviceSessions.memberId, first.body.member.id));
    const replay = await refresh(first.cookie);
    expect(replay.status).toBe(401);
    expect((await replay.json()).error).toBe('sessionReused');
    // The thief's copy and the real browser are both out: the current cookie and every access token stop working.
    const after = await refresh(rotated);
    expect(after.status).toBe(401);
    expect((await after.json()).error).toBe('sessionEnded');
    expect(await me(token)).toBe(401);
    expect(await me(first.body.token)).toBe(401);
    const [device] = await layover.ctx.ledger.db
      .select()
      .from(deviceSessions)
      .where(eq(deviceSessions.memberId, first.body.member.id));
    expect(device?.revokeReason).toBe('reuse');
  });

  it('lets two tabs refresh with the same cookie at once without ending the session', async () => {
    const first = await guest('Duo');
    const [a, b] = await Promise.all([refresh(first.cookie), refresh(first.cookie)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const cookies = [refreshCookie(a), refreshCookie(b)].filter(Boolean);
    expect(cookies).toHaveLength(1);
    expect((await refresh(cookies[0])).status).toBe(200);
  });

  it('refuses a refresh from another site, or without an Origin, and keeps the cookie usable', async () => {
    const first = await guest('Kai');
    for (const origin of ['https://evil.example', null, 'null']) {
      const response = await refresh(first.cookie, origin);
      expect(response.status).toBe(403);
      expect((await response.json()).error).toBe('crossSite');
    }
    expect((await refresh(first.cookie)).status).toBe(200);
  });

  it('answers sessionEnded with no cookie, a forged cookie, or an idle-expired one', async () => {
    expect((await (await refresh(undefined)).json()).error).toBe('sessionEnded');
    expect((await (await refresh(`${REFRESH_COOKIE}=nonsense`)).json()).error).toBe('sessionEnded');
    const first = await guest('Idle');
    await layover.ctx.ledger.db
      .update(deviceSessions)
      .set({ idleExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(deviceSessions.memberId, first.body.member.id));
    const response = await refresh(first.cookie);
    expect(response.status).toBe(401);
    expect((await response.json()).error).toBe('sessionEnded');
  });

  it('signs this browser out on logout: the token and the cookie both stop working', async () => {
    const first = await guest('Bye');
    const response = await fetch(`${layover.url}/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.body.token}`, cookie: first.cookie },
    });
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie().join('\n')).toMatch(new RegExp(`${REFRESH_COOKIE}=;`));
    expect(await me(first.body.token)).toBe(401);
    expect((await refresh(first.cookie)).status).toBe(401);
  });

  it('signs out with the cookie alone when the access token has expired (same origin only)', async () => {
    const first = await guest('Late');
    const crossSite = await fetch(`${layover.url}/auth/logout`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer expired-token-expired-token',
        cookie: first.cookie,
        origin: 'https://evil.example',
      },
    });
    expect(crossSite.status).toBe(401);
    const rotated = await guestCookieAfterRefresh(first.cookie);
    const response = await fetch(`${layover.url}/auth/logout`, {
      method: 'POST',
      headers: { authorization: 'Bearer expired-token-expired-token', cookie: rotated, origin: layover.url },
    });
    expect(response.status).toBe(204);
    expect((await refresh(rotated)).status).toBe(401);
  });

  it('never lets one member log out another member’s browser through a cookie', async () => {
    const victim = await guest('Vic');
    const attacker = await guest('Att');
    const response = await fetch(`${layover.url}/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${attacker.body.token}`, cookie: victim.cookie },
    });
    expect(response.status).toBe(204);
    expect((await refresh(victim.cookie)).status).toBe(200);
  });
});

describe('a reload while the old connection is still open', () => {
  it('seats the member once: the new connection replaces the old one, which is told why', async () => {
    const first = await guest('Reload');
    const before = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', {
      token: first.body.token,
    });
    const left = new Promise<{ code: number; reason: string | undefined }>((resolve) =>
      before.onLeave((code, reason) => resolve({ code, reason })),
    );
    // The reloaded page: the cookie gives a new access token for the same member.
    const { token } = await (await refresh(first.cookie)).json();
    const after = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', { token });
    expect(await left).toEqual({ code: LeaveCode.openedElsewhere, reason: 'openedElsewhere' });
    const mine = () =>
      [...after.state.members.entries()].filter(([, member]) => member.id === first.body.member.id);
    await waitFor(() => mine().length === 1 || undefined, 5000, 'one avatar for the member');
    expect(mine()[0]?.[0]).toBe(after.sessionId);
    await after.leave();
  });
});

describe('ending a session ends its open room connections', () => {
  async function seated(token: string) {
    const room = await new Client(layover.url).joinOrCreate<LoungeState>('lounge', { token });
    const left = new Promise<{ code: number; reason: string | undefined }>((resolve) =>
      room.onLeave((code, reason) => resolve({ code, reason })),
    );
    return { room, left };
  }

  it('signing this browser out (another tab of it still in the lounge) walks that tab out', async () => {
    const first = await guest('Tab');
    const { left } = await seated(first.body.token);
    const { token } = await (await refresh(first.cookie)).json();
    const response = await fetch(`${layover.url}/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(204);
    expect(await left).toEqual({ code: LeaveCode.sessionEnded, reason: 'sessionEnded' });
  });

  it('a replayed refresh cookie ends the family and the connection made with it', async () => {
    const first = await guest('Thief');
    const { left } = await seated(first.body.token);
    await refresh(first.cookie);
    await layover.ctx.ledger.db
      .update(deviceSessions)
      .set({ rotatedAt: new Date(Date.now() - 60_000) })
      .where(eq(deviceSessions.memberId, first.body.member.id));
    expect((await refresh(first.cookie)).status).toBe(401);
    expect(await left).toEqual({ code: LeaveCode.sessionEnded, reason: 'sessionEnded' });
  });
});
