import type { CampaignContent, CampaignText } from '../../shared/protocol/segments.ts';
import type { MemberLocale } from '../../shared/protocol/sign-in.ts';
import type { MailContent } from '../mail/mailer.ts';

type Locale = (typeof MemberLocale)['options'][number];

interface Wording {
  invited: string;
  starts: string;
  open: string;
  why: string;
}

/** The frame around a campaign's own text in each language: the lounge link and why the member gets this. */
const WORDING: Record<Locale, Wording> = {
  en: {
    invited: "You're invited to a live event in the lounge",
    starts: 'Starts',
    open: 'Open the lounge',
    why: 'You get this because you agreed to news from the lounge. You can turn it off in your account.',
  },
  'zh-Hant': {
    invited: '誠邀你參加貴賓室的直播活動',
    starts: '開始時間',
    open: '前往貴賓室',
    why: '你收到這封郵件，是因為你同意接收貴賓室的消息。你可以在帳戶中關閉。',
  },
  'zh-Hans': {
    invited: '诚邀你参加贵宾室的直播活动',
    starts: '开始时间',
    open: '前往贵宾室',
    why: '你收到这封邮件，是因为你同意接收贵宾室的消息。你可以在账户中关闭。',
  },
  vi: {
    invited: 'Bạn được mời tham dự một sự kiện trực tiếp trong phòng chờ',
    starts: 'Bắt đầu',
    open: 'Mở phòng chờ',
    why: 'Bạn nhận được thư này vì đã đồng ý nhận tin từ phòng chờ. Bạn có thể tắt trong tài khoản của mình.',
  },
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A campaign's text in `locale`, English when that language was left empty. */
export function inLocale(text: CampaignText, locale: string | null | undefined): string {
  const value = locale && locale in WORDING ? text[locale as Locale] : undefined;
  return value?.trim() ? value : text.en;
}

/** An announcement's or invitation's email in the member's language, with a link to the lounge. */
export function noticeMail(
  content: Exclude<CampaignContent, { kind: 'drop' }>,
  locale: string | null | undefined,
  loungeUrl: string,
  startsAt: string | null,
): MailContent {
  const lang: Locale = locale && locale in WORDING ? (locale as Locale) : 'en';
  const wording = WORDING[lang];
  const subject = content.kind === 'announcement' ? inLocale(content.title, lang) : wording.invited;
  const body = inLocale(content.kind === 'announcement' ? content.body : content.message, lang);
  const when =
    content.kind === 'invitation' && startsAt ? `${wording.starts}: ${new Date(startsAt).toUTCString()}` : '';
  const text = [body, when, `${wording.open}: ${loungeUrl}`, '', wording.why]
    .filter((l) => l !== '')
    .join('\n\n');
  const html =
    `<!doctype html><html lang="${lang}"><body style="font-family:system-ui,sans-serif;color:#1d2430">` +
    `<h1 style="font-size:20px">${escapeHtml(subject)}</h1>` +
    `<p style="white-space:pre-line">${escapeHtml(body)}</p>` +
    (when ? `<p>${escapeHtml(when)}</p>` : '') +
    `<p><a href="${escapeHtml(loungeUrl)}">${escapeHtml(wording.open)}</a></p>` +
    `<p style="color:#5a6472;font-size:13px">${escapeHtml(wording.why)}</p></body></html>`;
  return { subject, text: `${text}\n`, html };
}
