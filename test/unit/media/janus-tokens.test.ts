import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signJanusToken, verifyJanusToken } from '../../../server/media/tokens.ts';

describe('Janus signed tokens', () => {
  it('are expiry,janus,plugin:base64(HMAC-SHA1) as Janus token_auth_secret checks them', () => {
    const token = signJanusToken('s3cret', 1_700_000_000_500);
    const [data, signature] = token.split(':');
    expect(data).toBe('1700000000,janus,janus.plugin.videoroom');
    expect(signature).toBe(
      createHmac('sha1', 's3cret')
        .update(data ?? '')
        .digest('base64'),
    );
  });

  it('refuse a forged, expired or tampered token', () => {
    const now = 1_700_000_000_000;
    const token = signJanusToken('s3cret', now + 60_000);
    expect(verifyJanusToken('s3cret', token, now)).toBe(true);
    expect(verifyJanusToken('other', token, now)).toBe(false);
    expect(verifyJanusToken('s3cret', token, now + 120_000)).toBe(false);
    expect(verifyJanusToken('s3cret', token.replace('janus.plugin.videoroom', 'janus.plugin.sip'), now)).toBe(
      false,
    );
  });
});
