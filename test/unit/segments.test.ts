import { describe, expect, it } from 'vitest';
import { campaignFailureOf } from '../../client/console/campaigns/campaignErrors.ts';
import { draftOf, EMPTY_DRAFT, filterOf } from '../../client/console/campaigns/filterDraft.ts';
import { ApiError } from '../../client/core/http.ts';
import { inLocale, noticeMail } from '../../server/campaigns/notice-mail-text.ts';
import { CreateCampaignBody, SegmentFilter } from '../../shared/protocol/segments.ts';

// The segment filter's schema, the console builder's form <-> filter mapping, and the notice email's wording.

describe('SegmentFilter', () => {
  it('takes every clause and the empty filter (everyone)', () => {
    const filter = {
      statusLevels: ['explorer'],
      stampsAll: ['first-visit'],
      stampsAny: ['collector'],
      questsDone: ['frequent-flyer'],
      points: { min: 10, max: 20 },
      lastVisitWithinDays: 7,
      locales: ['vi'],
      signInKinds: ['wallet', 'guest'],
      holdsGate: 'vip',
    };
    expect(SegmentFilter.parse(filter)).toEqual(filter);
    expect(SegmentFilter.parse({})).toEqual({});
  });

  it('refuses unknown clauses, empty lists, bad ids, inverted or empty ranges', () => {
    for (const bad of [
      { everyone: true },
      { statusLevels: [] },
      { stampsAny: ['Not An Id'] },
      { points: { min: 5, max: 1 } },
      { points: {} },
      { locales: ['fr'] },
      { signInKinds: ['fax'] },
      { lastVisitWithinDays: 0 },
      { notVisitedForDays: 1.5 },
    ])
      expect(SegmentFilter.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});

describe('CreateCampaignBody', () => {
  const announcement = { kind: 'announcement', title: { en: 'Hi' }, body: { en: 'News' } };
  it('needs exactly one of segmentId and filter, a request id, and English text', () => {
    expect(
      CreateCampaignBody.safeParse({ requestId: 'abcdefgh', filter: {}, content: announcement }).success,
    ).toBe(true);
    expect(CreateCampaignBody.safeParse({ requestId: 'abcdefgh', content: announcement }).success).toBe(
      false,
    );
    expect(
      CreateCampaignBody.safeParse({
        requestId: 'abcdefgh',
        segmentId: 's',
        filter: {},
        content: announcement,
      }).success,
    ).toBe(false);
    expect(
      CreateCampaignBody.safeParse({ requestId: 'short', filter: {}, content: announcement }).success,
    ).toBe(false);
    const noEnglish = { kind: 'announcement', title: { vi: 'Chào' }, body: { en: 'x' } };
    expect(
      CreateCampaignBody.safeParse({ requestId: 'abcdefgh', filter: {}, content: noEnglish }).success,
    ).toBe(false);
    const drop = { kind: 'drop', prizeId: 'gold-pass', title: { en: 'x' } };
    expect(CreateCampaignBody.safeParse({ requestId: 'abcdefgh', filter: {}, content: drop }).success).toBe(
      false,
    );
  });
});

describe('the builder form', () => {
  it('sends only the clauses set, and reads a saved filter back', () => {
    expect(filterOf(EMPTY_DRAFT)).toEqual({});
    const draft = {
      ...EMPTY_DRAFT,
      statusLevels: ['jetsetter'],
      pointsMin: ' 100 ',
      pointsMax: 'x',
      visit: 'notFor' as const,
      visitDays: '45',
      signInKinds: ['email'],
      holdsGate: 'vip',
    };
    const filter = filterOf(draft);
    expect(filter).toEqual({
      statusLevels: ['jetsetter'],
      points: { min: 100 },
      notVisitedForDays: 45,
      signInKinds: ['email'],
      holdsGate: 'vip',
    });
    expect(filterOf(draftOf(filter))).toEqual(filter);
  });

  it('reads a too-large drop’s numbers from the server’s detail', () => {
    const error = new ApiError(
      'dropTooLarge',
      400,
      'the segment has 520 members, the prize has 500 left, 3 members are at a prize cap',
    );
    expect(campaignFailureOf(error)).toEqual({
      code: 'dropTooLarge',
      own: true,
      numbers: { size: 520, remaining: 500, atCap: 3 },
    });
    expect(campaignFailureOf(new ApiError('forbidden', 403)).own).toBe(false);
  });
});

describe('the notice email', () => {
  it('is in the member’s language, English where that one was left empty, with the lounge link', () => {
    const content = {
      kind: 'announcement' as const,
      title: { en: 'News', vi: 'Tin' },
      body: { en: 'Rooftop <tonight>' },
    };
    const mail = noticeMail(content, 'vi', 'https://lounge.example', null);
    expect(mail.subject).toBe('Tin');
    expect(mail.text).toContain('Rooftop <tonight>');
    expect(mail.text).toContain('https://lounge.example');
    expect(mail.html).toContain('Rooftop &#60;tonight&#62;');
    expect(mail.html).toContain('lang="vi"');
    expect(inLocale(content.title, 'zh-Hant')).toBe('News');
    const invite = noticeMail(
      { kind: 'invitation', eventId: 'e', message: { en: 'Come' } },
      null,
      'u',
      '2026-12-24T18:00:00Z',
    );
    expect(invite.subject).toMatch(/invited/);
    expect(invite.text).toContain('Starts:');
  });
});
