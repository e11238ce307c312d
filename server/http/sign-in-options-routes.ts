import type { Application } from 'express';
import { routes } from '../../shared/protocol/routes.ts';
import type { SignInOptions } from '../../shared/protocol/sign-in.ts';
import { oidcSettings } from '../auth/oidc/settings.ts';
import { relyingParty } from '../auth/passkeys/relying-party.ts';
import type { Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import { prizeRequirement } from '../prizes/eligibility.ts';

export interface SignInOptionsFlags {
  /** Email codes can be sent: SMTP_URL is set, or the embedded dev catcher runs. */
  email: boolean;
  /** The dev mailbox page is served (a local dev chain that Layover started, without SMTP_URL). */
  devMailbox: boolean;
}

/** A WalletConnect Cloud project id: letters and digits (32 hex today), nothing a URL or CSP could be bent with. */
const PROJECT_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * WALLETCONNECT_PROJECT_ID: `config.walletConnectProjectId` once config.ts carries it (a test's overrides too),
 * else the process environment; null when unset or not a plausible id.
 */
export function walletConnectProjectId(config: Config): string | null {
  const fromConfig = config as Config & { walletConnectProjectId?: string | null | undefined };
  const value =
    'walletConnectProjectId' in fromConfig
      ? fromConfig.walletConnectProjectId
      : process.env.WALLETCONNECT_PROJECT_ID;
  const id = value?.trim();
  return id && PROJECT_ID.test(id) ? id : null;
}

/**
 * GET /auth/options: which sign-ins this lounge offers, so the client never hard-codes them. Passkeys need a domain
 * name as RP id (PUBLIC_URL's host, or localhost): an IP address turns them off. The brand login appears with its
 * button name when OIDC_ISSUER is set; RainbowKit lists WalletConnect wallets only when a project id is served here.
 */
export function mountSignInOptionsRoutes(app: Application, ctx: AppContext, flags: SignInOptionsFlags): void {
  const oidc = oidcSettings(ctx.config);
  const prizeRequires = prizeRequirement(ctx.config);
  const projectId = walletConnectProjectId(ctx.config);
  app.get(routes.signInOptions.path, (req, res) => {
    const options: SignInOptions = {
      email: flags.email,
      passkeys: relyingParty(ctx.config.publicUrl, req.socket.localPort) !== undefined,
      oidc: oidc ? { name: oidc.name } : null,
      walletConnectProjectId: projectId,
      devMailbox: flags.devMailbox,
      prizeRequires,
    };
    res.set('cache-control', 'no-cache').json(options);
  });
}
