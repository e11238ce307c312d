import type { RequestHandler } from 'express';
import type { Config } from '../config.ts';
import { hlsOrigins } from '../live-events/screen-video-origins.ts';

/** Headers every answer carries: no MIME sniffing, no referrer outside the lounge, never inside another site's frame. */
const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** The API's headers: its JSON is no document, so it may load nothing and be framed by no one. */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...COMMON_HEADERS,
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

/** Sets the API's headers on every answer; the pages replace the CSP with theirs. */
export const apiSecurityHeaders: RequestHandler = (_req, res, next) => {
  res.set(API_SECURITY_HEADERS);
  next();
};

/**
 * What RainbowKit's WalletConnect wallets reach (relay, RPC, verify frame, explorer images, and the phone wallets'
 * own SDKs: Coinbase, MetaMask, Rainbow): allowed only when WALLETCONNECT_PROJECT_ID turns those wallets on.
 */
const WALLETCONNECT = {
  connect: [
    'wss://relay.walletconnect.com',
    'wss://relay.walletconnect.org',
    'https://rpc.walletconnect.com',
    'https://rpc.walletconnect.org',
    'https://explorer-api.walletconnect.com',
    'https://pulse.walletconnect.org',
    'https://verify.walletconnect.com',
    'https://verify.walletconnect.org',
    'https://api.web3modal.org',
    'https://keys.coinbase.com',
    'https://rpc.wallet.coinbase.com',
    'https://cca-lite.coinbase.com',
    'https://metamask-sdk.api.cx.metamask.io',
    'wss://metamask-sdk.api.cx.metamask.io',
    'https://mm-sdk-analytics.api.cx.metamask.io',
    'https://enhanced-provider.rainbow.me',
  ],
  frame: [
    'https://verify.walletconnect.com',
    'https://verify.walletconnect.org',
    'https://secure.walletconnect.org',
    'https://keys.coinbase.com',
  ],
  img: ['https://explorer-api.walletconnect.com', 'https://api.web3modal.org'],
};

/** Vite's hot-reload socket in middleware mode (its own port) for `npm run dev`. */
const VITE_HMR = ['ws://localhost:24678', 'ws://127.0.0.1:24678'];

/** An http(s) origin and the ws(s) origin of the same host, for a server reached both ways. */
function withSocket(url: string): string[] {
  const { origin, host, protocol } = new URL(url);
  return [origin, `${protocol === 'https:' ? 'wss' : 'ws'}://${host}`];
}

type PagePolicyConfig = Pick<
  Config,
  'publicUrl' | 'publicAddress' | 'walletConnectProjectId' | 'mediaUrl' | 'dev'
>;

/**
 * The pages' Content-Security-Policy: scripts and styles from the lounge itself, troika's `blob:` font worker, the
 * glTF loader's `blob:` textures, WebAssembly, the lounge's own websockets, WalletConnect when configured, the media
 * server when MEDIA_URL names one; in dev mode (`npm run dev`) Vite's inline React Refresh preamble and its
 * hot-reload socket.
 */
export function pageContentSecurityPolicy(config: PagePolicyConfig): string {
  const wallets = config.walletConnectProjectId ? WALLETCONNECT : { connect: [], frame: [], img: [] };
  const media = config.mediaUrl ? withSocket(config.mediaUrl) : [];
  // The big screen's HLS video (hls.js fetches playlists and segments): the lounge itself plus HLS_ORIGINS.
  const hls = hlsOrigins();
  const own = [
    "'self'",
    ...(config.publicUrl ? withSocket(config.publicUrl) : []),
    ...(config.publicAddress ? [`ws://${config.publicAddress}`, `wss://${config.publicAddress}`] : []),
  ];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'", ...(config.dev ? ["'unsafe-inline'"] : [])]],
    // RainbowKit writes its theme as a <style> element; Vite's dev server injects CSS the same way.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:', ...wallets.img]],
    ['font-src', ["'self'", 'data:']],
    // blob: for three's glTF loader, which fetches each model's embedded textures through a blob URL.
    ['connect-src', [...own, 'blob:', ...wallets.connect, ...media, ...hls, ...(config.dev ? VITE_HMR : [])]],
    ['media-src', ["'self'", 'blob:', ...media.slice(0, 1), ...hls]],
    ['worker-src', ["'self'", 'blob:']],
    ['frame-src', wallets.frame.length > 0 ? wallets.frame : ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${[...new Set(sources)].join(' ')}`).join('; ');
}

/** Sets the page policy (and the common headers) on the pages and their assets. */
export function pageSecurityHeaders(config: PagePolicyConfig): RequestHandler {
  const headers = { ...COMMON_HEADERS, 'Content-Security-Policy': pageContentSecurityPolicy(config) };
  return (_req, res, next) => {
    res.set(headers);
    next();
  };
}
