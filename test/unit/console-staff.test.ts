import { describe, expect, it } from 'vitest';
import { likeEscape } from '../../server/http/console-support-routes.ts';
import {
  credentialPrincipal,
  emailPrincipal,
  oidcPrincipal,
  orderedRoles,
  parseStaffEmails,
} from '../../server/live-events/staff.ts';

describe('staff principals', () => {
  it('keys emails lower-cased and brand logins by issuer and sub; passkeys are never principals', () => {
    expect(emailPrincipal(' Ops@Brand.Example ')).toBe('email:ops@brand.example');
    expect(oidcPrincipal('https://id.brand.example', 'A1')).toBe('oidc:https://id.brand.example A1');
    expect(credentialPrincipal('email', 'ops@brand.example')).toBe('email:ops@brand.example');
    expect(credentialPrincipal('oidc', 'https://id.brand.example A1')).toBe(
      'oidc:https://id.brand.example A1',
    );
    expect(credentialPrincipal('passkey', 'credential-id')).toBeUndefined();
  });

  it('orders and deduplicates roles as the list does, owner first', () => {
    expect(orderedRoles([])).toEqual([]);
    expect(orderedRoles(['checkin', 'host', 'owner', 'host'])).toEqual(['owner', 'host', 'checkin']);
  });

  it('parses STAFF_EMAILS: host by default, =<role> (the old =admin is owner); a bad entry stops boot without printing the address', () => {
    expect(parseStaffEmails('')).toEqual([]);
    expect(
      parseStaffEmails(' Ops@Brand.example , lead@brand.example=admin,, data@brand.example=analyst'),
    ).toEqual([
      { principal: 'email:ops@brand.example', role: 'host' },
      { principal: 'email:lead@brand.example', role: 'owner' },
      { principal: 'email:data@brand.example', role: 'analyst' },
    ]);
    expect(() => parseStaffEmails('secret.person@brand')).toThrow(/STAFF_EMAILS/);
    expect(() => parseStaffEmails('secret.person@brand')).not.toThrow(/secret/);
    expect(() => parseStaffEmails('ops@brand.example=superuser')).toThrow(/=<role>/);
    expect(() => parseStaffEmails('0xabc')).toThrow(/STAFF_EMAILS/);
  });

  it('escapes LIKE wildcards typed into the member search', () => {
    expect(likeEscape('50%_off\\')).toBe('50\\%\\_off\\\\');
    expect(likeEscape('Mei')).toBe('Mei');
  });
});
