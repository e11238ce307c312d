import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/** Whether a peer is a proxy named in TRUST_PROXY, whose X-Forwarded-For is believed. */
export type TrustProxy = (address: string) => boolean;

const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** An address as one family sees it: IPv4-mapped IPv6 (`::ffff:1.2.3.4`) is its IPv4 address; zones dropped. */
export function plainAddress(address: string): string {
  const bare = address.trim().replace(/%.*$/, '');
  return MAPPED_V4.exec(bare)?.[1] ?? bare;
}

/** TRUST_PROXY's syntax: an IPv4 or IPv6 address, or a CIDR range of either. */
export function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, extra] = entry.split('/');
  if (extra !== undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** The TRUST_PROXY list as a test; an empty list believes no one (every peer is the client itself). */
export function trustProxyFrom(entries: readonly string[]): TrustProxy {
  if (entries.length === 0) return () => false;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const plain = plainAddress(address);
    const type = isIP(plain) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(plain, type);
    else list.addSubnet(plain, Number(prefix), type);
  }
  return (address) => {
    const plain = plainAddress(address);
    const family = isIP(plain);
    return family !== 0 && list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
  };
}

/**
 * The client's address: the peer, unless the peer is a trusted proxy, in which case X-Forwarded-For is walked from
 * its right end past every trusted hop (as Express' `trust proxy` does with the same test).
 */
export function resolveClientIp(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: TrustProxy,
): string {
  let client = plainAddress(peer ?? '');
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const hops = header
    .split(',')
    .map((hop) => plainAddress(hop))
    .filter(Boolean);
  while (client && trust(client)) {
    const next = hops.pop();
    if (next === undefined || isIP(next) === 0) break;
    client = next;
  }
  return client || 'unknown';
}

/** The client address of a raw Node request (the Colyseus join path), by the same rule as Express' `req.ip`. */
export function requestClientIp(req: IncomingMessage, trust: TrustProxy): string {
  return resolveClientIp(req.socket.remoteAddress, req.headers['x-forwarded-for'], trust);
}

/**
 * The key every per-IP limit counts under: an IPv4 address as is, an IPv6 client by its /64 (one subscriber's
 * network, whose interface ids it may rotate at will), an IPv4-mapped address as IPv4.
 */
export function ipLimitKey(address: string | undefined): string {
  const plain = plainAddress(address ?? '');
  if (isIP(plain) !== 6) return plain || 'unknown';
  const groups = expandIpv6(plain);
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The per-IP limit key of an Express request (`req.ip` follows TRUST_PROXY through `trust proxy`). */
export function clientKey(req: { ip?: string | undefined }): string {
  return ipLimitKey(req.ip);
}

/** Eight hextets, lower case without leading zeros, of a valid IPv6 address (an IPv4 tail becomes two hextets). */
function expandIpv6(address: string): string[] {
  let text = address.toLowerCase();
  const v4Tail = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4Tail) {
    const [a, b, c, d] = v4Tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4Tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(missing).fill('0'), ...right];
  return groups.map((group) => Number.parseInt(group, 16).toString(16));
}
