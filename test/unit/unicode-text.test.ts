import { describe, expect, it } from 'vitest';
import { AudienceMessages, HostMessages } from '../../shared/protocol/live-events.ts';
import { ChatSend } from '../../shared/protocol/lounge-messages.ts';
import { cleanText } from '../../shared/text/clean-text.ts';

const chat = (text: string) => {
  const result = ChatSend.safeParse({ text });
  return result.success ? result.data.text : null;
};

describe('chat, questions and announcements are shown as they will look', () => {
  it('strips bidi overrides and isolates from chat, so a line cannot be shown reversed', () => {
    expect(chat('\u202egnp.exe')).toBe('gnp.exe');
    expect(chat('hi \u2067there\u2069')).toBe('hi there');
  });

  it('refuses a chat line of invisible characters only', () => {
    expect(chat('\u200b\u200c\u200d\u2060\ufeff')).toBeNull();
    expect(chat('\u{e0020}\u{e0041}')).toBeNull();
  });

  it('cleans questions, report notes, announcements and poll options the same way', () => {
    const ask = AudienceMessages.ask.parse({ text: 'Is \u202eit on?' });
    expect(ask.text).toBe('Is it on?');
    const report = AudienceMessages.report.parse({
      memberId: 'm1',
      reason: 'spam',
      note: 'bad\u200b\u202e link',
    });
    expect(report.note).toBe('bad link');
    expect(HostMessages.announce.safeParse({ text: '\u2066\u2069' }).success).toBe(false);
    const poll = HostMessages.startPoll.parse({ question: 'Ｗｈｉｃｈ?', options: ['A\u200b', '\u202eB'] });
    expect(poll).toEqual({ question: 'Which?', options: ['A', 'B'] });
  });

  it('keeps emoji with their variation selector, CJK and Vietnamese text', () => {
    expect(chat('I ❤️ this')).toBe('I ❤️ this');
    expect(chat('登機口見！')).toBe('登機口見!');
    expect(chat('Chào mừng đến phòng chờ')).toBe('Chào mừng đến phòng chờ');
  });

  it('caps stacked combining marks ("Zalgo") at three per letter', () => {
    const zalgo = `a${'\u0301\u0302\u0303\u0304'.repeat(10)}b`;
    expect([...cleanText(zalgo)].length).toBe(5);
  });
});
