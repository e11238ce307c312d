import { describe, expect, it } from 'vitest';
import { landingView, mayOpen } from '../../client/console/team/pages.ts';
import { principalFor, principalId, principalLabel, principalTarget } from '../../server/team/principals.ts';
import { CAPABILITIES, type Capability, mayDo, STAFF_ROLES } from '../../shared/protocol/staff-roles.ts';

describe('mayDo', () => {
  it('lets an owner do everything and no role nothing', () => {
    for (const capability of Object.keys(CAPABILITIES) as Capability[]) {
      expect(mayDo(['owner'], capability)).toBe(true);
      expect(mayDo([], capability)).toBe(false);
    }
  });

  it('gives each other role exactly its capabilities; the team and support stay with owners', () => {
    const table = Object.fromEntries(
      STAFF_ROLES.filter((role) => role !== 'owner').map((role) => [
        role,
        (Object.keys(CAPABILITIES) as Capability[]).filter((capability) => mayDo([role], capability)),
      ]),
    );
    expect(table).toEqual({
      content: ['console', 'content', 'campaigns'],
      host: ['console', 'events', 'checkin'],
      analyst: ['console', 'analytics'],
      checkin: ['console', 'checkin'],
    });
    expect(mayDo(['analyst', 'host'], 'events')).toBe(true);
  });
});

describe('console pages by role', () => {
  it('lands a member on the first page their roles open, keeping the page shown when they may', () => {
    expect(landingView(['analyst'], { page: 'events' })).toEqual({ page: 'points' });
    expect(landingView(['checkin'], { page: 'events' })).toEqual({ page: 'checkin' });
    expect(landingView(['host'], { page: 'events' })).toEqual({ page: 'events' });
    expect(landingView(['owner'], { page: 'team' })).toEqual({ page: 'team' });
    expect(mayOpen(['content'], 'team')).toBe(false);
  });
});

describe('team principals', () => {
  it('reads a typed wallet, email or brand login, refusing what does not fit its kind', () => {
    expect(principalFor('wallet', ` 0x${'AB'.repeat(20)} `)).toBe(`0x${'ab'.repeat(20)}`);
    expect(principalFor('wallet', '0x12')).toBeUndefined();
    expect(principalFor('email', 'Ops@Brand.example')).toBe('email:ops@brand.example');
    expect(principalFor('email', 'ops@brand')).toBeUndefined();
    expect(principalFor('oidc', 'https://id.brand.example 80412')).toBe(
      'oidc:https://id.brand.example 80412',
    );
    expect(principalFor('oidc', '80412')).toBeUndefined();
  });

  it('shows emails masked and brand logins by subject and host; ids are stable and hide the principal', () => {
    expect(principalLabel('email:ops@brand.example')).toBe('o•••@brand.example');
    expect(principalTarget('email:ops@brand.example')).toBe('email:o•••@brand.example');
    expect(principalLabel('oidc:https://id.brand.example 80412')).toBe('80412 (id.brand.example)');
    expect(principalId('email:ops@brand.example')).toMatch(/^[0-9a-f]{32}$/);
    expect(principalId('email:ops@brand.example')).toBe(principalId('email:ops@brand.example'));
    expect(principalId('email:ops@brand.example')).not.toContain('ops');
  });
});
