import type { MemberLocale } from '../../../shared/protocol/sign-in.ts';
import type { MailContent } from '../../mail/mailer.ts';

type Locale = (typeof MemberLocale)['options'][number];

interface Wording {
  subject: (code: string) => string;
  intro: string;
  lasts: string;
  ignore: string;
}

/** The sign-in code email in each language: the code, its 10 minutes, and that it can be ignored. */
const WORDING: Record<Locale, Wording> = {
  en: {
    subject: (code) => `${code} is your Layover sign-in code`,
    intro: 'Your code to sign in to Layover Lounge:',
    lasts: 'It works for 10 minutes, once.',
    ignore: "If you didn't ask for this code, you can ignore this email. Nobody can sign in without it.",
  },
  'zh-Hant': {
    subject: (code) => `${code} 是你的 Layover 登入驗證碼`,
    intro: '你的 Layover Lounge 登入驗證碼：',
    lasts: '驗證碼在 10 分鐘內有效，只能使用一次。',
    ignore: '如果你沒有要求這組驗證碼，可以略過這封郵件。沒有驗證碼，任何人都無法登入。',
  },
  'zh-Hans': {
    subject: (code) => `${code} 是你的 Layover 登录验证码`,
    intro: '你的 Layover Lounge 登录验证码：',
    lasts: '验证码在 10 分钟内有效，只能使用一次。',
    ignore: '如果你没有请求这个验证码，可以忽略这封邮件。没有验证码，任何人都无法登录。',
  },
  vi: {
    subject: (code) => `${code} là mã đăng nhập Layover của bạn`,
    intro: 'Mã để đăng nhập vào Layover Lounge của bạn:',
    lasts: 'Mã có hiệu lực trong 10 phút và chỉ dùng được một lần.',
    ignore: 'Nếu bạn không yêu cầu mã này, hãy bỏ qua email này. Không ai có thể đăng nhập nếu không có mã.',
  },
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The sign-in code email in `locale` (English when the locale is unknown). */
export function codeMail(code: string, locale: string | null | undefined): MailContent {
  const wording = WORDING[(locale ?? 'en') as Locale] ?? WORDING.en;
  const lang = locale && locale in WORDING ? locale : 'en';
  const text = `${wording.intro}\n\n    ${code}\n\n${wording.lasts}\n${wording.ignore}\n`;
  const html =
    `<!doctype html><html lang="${lang}"><body style="font-family:system-ui,sans-serif;color:#1d2430">` +
    `<p>${escapeHtml(wording.intro)}</p>` +
    `<p style="font-size:28px;letter-spacing:6px;font-weight:700">${code}</p>` +
    `<p>${escapeHtml(wording.lasts)}</p><p style="color:#5a6472">${escapeHtml(wording.ignore)}</p>` +
    '</body></html>';
  return { subject: wording.subject(code), text, html };
}
