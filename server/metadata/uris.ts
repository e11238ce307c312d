import type { ContractDocumentName, TokenKind } from '../../shared/protocol/metadata.ts';
import type { Config } from '../config.ts';

/** Listen addresses that mean "this machine": named `localhost` in URLs, as the lounge's own URL is. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '0.0.0.0', '::1', '::', 'localhost']);

/**
 * The origin every metadata URL starts with: PUBLIC_URL, else this process' real listening address. Never built from
 * a Host header, which clients choose.
 */
export function metadataOrigin(config: Pick<Config, 'publicUrl' | 'host'>, port: number): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, '');
  return `http://${LOOPBACK_HOSTS.has(config.host) ? 'localhost' : config.host}:${port}`;
}

/** What the contracts should say, for one origin: the on-chain URIs uri-sync keeps and the routes serve. */
export interface MetadataUris {
  /** ERC-1155 `uri(id)` of Stamps, with `{id}`. */
  stamps: string;
  /** ERC-1155 `uri(id)` of Prizes, with `{id}`. */
  prizes: string;
  /** LoungePass base URI (tokenURI = base + decimal id). */
  passBase: string;
  /** ERC-7572 `contractURI()` of each contract. */
  contract: Record<ContractDocumentName, string>;
}

/** The on-chain URIs a server at `origin` answers. */
export function metadataUris(origin: string): MetadataUris {
  return {
    stamps: `${origin}/metadata/stamp/{id}`,
    prizes: `${origin}/metadata/prize/{id}`,
    passBase: `${origin}/metadata/pass/`,
    contract: {
      stamps: `${origin}/metadata/contract/stamps`,
      prizes: `${origin}/metadata/contract/prizes`,
      loungepass: `${origin}/metadata/contract/loungepass`,
    },
  };
}

/** The localization extension's `uri`: `{locale}` and, for ERC-1155, `{id}` left for the wallet to fill. */
export function localizedUri(origin: string, kind: TokenKind, id: string): string {
  return `${origin}/metadata/${kind}/{locale}/${id}`;
}
