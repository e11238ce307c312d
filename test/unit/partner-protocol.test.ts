import { describe, expect, it } from 'vitest';
import { partnerOpenApi } from '../../server/partners/openapi.ts';
import { PartnerActivityBody, PartnerErasureBody, PartnerMemberRef } from '../../shared/protocol/partners.ts';
import { routes } from '../../shared/protocol/routes.ts';

const good = {
  type: 'flight',
  member: { memberNumber: 'lo12345678' },
  units: 1200,
  occurredAt: '2026-12-01T10:00:00Z',
  description: '  Flight\u200b SK 12   HKG-SGN ',
  reference: 'PNR-XYZ',
};

describe('partner activity body', () => {
  it('cleans the description, upper-cases a member number and lower-cases an email', () => {
    expect(PartnerActivityBody.parse(good)).toEqual({
      ...good,
      member: { memberNumber: 'LO12345678' },
      description: 'Flight SK 12 HKG-SGN',
    });
    expect(PartnerMemberRef.parse({ email: ' Mei@Example.COM' })).toEqual({ email: 'mei@example.com' });
    expect(PartnerMemberRef.parse({ externalId: 'BR-1' })).toEqual({ externalId: 'BR-1' });
    expect(PartnerErasureBody.parse({ member: { email: 'a@b.co' } })).toEqual({
      member: { email: 'a@b.co' },
    });
  });

  it.each([
    ['negative units', { units: -1 }],
    ['huge units', { units: 10_000_001 }],
    ['fractional units', { units: 0.5 }],
    ['units as text', { units: '12' }],
    ['an upper-case type', { type: 'Flight' }],
    ['a long type', { type: 'a'.repeat(41) }],
    ['no member', { member: {} }],
    ['two member refs', { member: { email: 'a@b.co', memberNumber: 'LO1234' } }],
    ['a bad email', { member: { email: 'not-an-email' } }],
    ['a date without time', { occurredAt: '2026-12-01' }],
    ['an invisible description', { description: '\u200b\u202e' }],
    ['a long description', { description: 'x'.repeat(121) }],
    ['a long reference', { reference: 'r'.repeat(81) }],
    ['an unknown field', { points: 5000 }],
  ])('refuses %s', (_name, change) => {
    expect(PartnerActivityBody.safeParse({ ...good, ...change }).success).toBe(false);
  });

  it('accepts the edges: 0 and 10,000,000 units, 120 characters, an offset time', () => {
    for (const change of [
      { units: 0 },
      { units: 10_000_000 },
      { description: 'x'.repeat(120) },
      { occurredAt: '2026-12-01T18:00:00+08:00' },
    ])
      expect(PartnerActivityBody.safeParse({ ...good, ...change }).success).toBe(true);
  });
});

describe('partner OpenAPI document', () => {
  it('lists every partner route of the route table, in OpenAPI path syntax', () => {
    const document = partnerOpenApi() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toBe('3.1.0');
    const partnerRoutes = Object.values(routes).filter((route) => route.path.startsWith('/api/partners/v1/'));
    expect(partnerRoutes).toHaveLength(5);
    for (const route of partnerRoutes) {
      const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
      expect(document.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });
});
