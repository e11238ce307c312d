import { z } from 'zod';

/** Where mail goes and whom it is from. */
export interface MailSettings {
  /** SMTP_URL (smtp:// or smtps://, credentials in the URL); unset: the dev catcher on a local dev chain, else no mail. */
  smtpUrl: string | undefined;
  /** MAIL_FROM: the From of every message, e.g. `Layover Lounge <lounge@example.com>`. */
  mailFrom: string;
}

export const DEFAULT_MAIL_FROM = 'Layover Lounge <lounge@localhost>';

const MailEnv = z.object({
  SMTP_URL: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .pipe(z.url({ protocol: /^smtps?$/ }).optional()),
  MAIL_FROM: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .pipe(z.string().min(3).max(200).default(DEFAULT_MAIL_FROM)),
});

/**
 * The mail settings of a config: its `smtpUrl`/`mailFrom` once server/config.ts has them, read from `env`
 * (SMTP_URL, MAIL_FROM) until then. A bad value stops boot with the variable's name.
 */
export function mailSettingsOf(
  config: { smtpUrl?: string | undefined; mailFrom?: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): MailSettings {
  if ('smtpUrl' in config || 'mailFrom' in config)
    return { smtpUrl: config.smtpUrl, mailFrom: config.mailFrom ?? DEFAULT_MAIL_FROM };
  const parsed = MailEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Layover: invalid environment\n${lines.join('\n')}`);
  }
  return { smtpUrl: parsed.data.SMTP_URL, mailFrom: parsed.data.MAIL_FROM };
}
