import { describe, expect, it } from 'vitest';
import { ipLimitKey, isAddressOrCidr, resolveClientIp, trustProxyFrom } from '../../server/http/client-ip.ts';

describe('ipLimitKey', () => {
  it('keys IPv4 by address and IPv4-mapped IPv6 as IPv4', () => {
    expect(ipLimitKey('203.0.113.9')).toBe('203.0.113.9');
    expect(ipLimitKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(ipLimitKey('::FFFF:127.0.0.1')).toBe('127.0.0.1');
  });

  it('keys every address of one IPv6 /64 alike, so rotating interface ids does not escape a limit', () => {
    const rotated = [
      '2001:db8:aa:bb:1:2:3:4',
      '2001:0db8:00aa:00bb:ffff:ffff:ffff:ffff',
      '2001:db8:aa:bb::1',
      '2001:DB8:AA:BB::dead:beef%eth0',
    ];
    expect(new Set(rotated.map(ipLimitKey))).toEqual(new Set(['2001:db8:aa:bb::/64']));
    expect(ipLimitKey('2001:db8:aa:bc::1')).toBe('2001:db8:aa:bc::/64');
    expect(ipLimitKey('::1')).toBe('0:0:0:0::/64');
    expect(ipLimitKey('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
  });

  it('keeps an unknown peer under one key', () => {
    expect(ipLimitKey(undefined)).toBe('unknown');
    expect(ipLimitKey('')).toBe('unknown');
  });
});

describe('TRUST_PROXY', () => {
  it('accepts addresses and CIDRs of both families, nothing else', () => {
    for (const good of ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', '2001:db8::/32'])
      expect(isAddressOrCidr(good)).toBe(true);
    for (const bad of ['loopback', '10.0.0.0/33', '::/129', '1.2.3', '10.0.0.0/8/1', 'example.com', ''])
      expect(isAddressOrCidr(bad)).toBe(false);
  });

  it('without TRUST_PROXY a spoofed X-Forwarded-For never changes the client address, loopback peer or not', () => {
    const none = trustProxyFrom([]);
    expect(resolveClientIp('127.0.0.1', '198.51.100.7', none)).toBe('127.0.0.1');
    expect(resolveClientIp('::ffff:127.0.0.1', '198.51.100.7, 10.0.0.1', none)).toBe('127.0.0.1');
    expect(resolveClientIp('203.0.113.9', '198.51.100.7', none)).toBe('203.0.113.9');
  });

  it('believes X-Forwarded-For only from a listed proxy, walking past every trusted hop from the right', () => {
    const trust = trustProxyFrom(['127.0.0.1', '10.0.0.0/8']);
    expect(resolveClientIp('127.0.0.1', '198.51.100.7', trust)).toBe('198.51.100.7');
    // A spoofed first hop stays left of the address the proxy saw.
    expect(resolveClientIp('127.0.0.1', '1.1.1.1, 198.51.100.7, 10.2.3.4', trust)).toBe('198.51.100.7');
    expect(resolveClientIp('203.0.113.9', '198.51.100.7', trust)).toBe('203.0.113.9');
    expect(resolveClientIp('127.0.0.1', 'not-an-ip', trust)).toBe('127.0.0.1');
    expect(resolveClientIp('127.0.0.1', undefined, trust)).toBe('127.0.0.1');
  });

  it('matches IPv6 proxies and IPv4-mapped peers', () => {
    const trust = trustProxyFrom(['fd00::/8', '192.0.2.1']);
    expect(resolveClientIp('fd12::5', '2001:db8::9', trust)).toBe('2001:db8::9');
    expect(resolveClientIp('::ffff:192.0.2.1', '198.51.100.7', trust)).toBe('198.51.100.7');
  });
});
