import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { signWebhook, verifyWebhookSignature } from './webhook.signature';

const secret = 'whsec_test_secret';
const body = '{"id":"evt_1","type":"case.opened","data":{"id":"case_1"}}';
const t = 1_793_613_600;

describe('webhook signatures', () => {
  it('verify when the receiver recomputes the HMAC over the raw body', () => {
    const header = signWebhook(secret, t, body);
    expect(header).toMatch(/^t=1793613600,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, header, body, t + 5, 300)).toEqual({ ok: true, timestamp: t });
  });

  it('refuse a tampered body', () => {
    const header = signWebhook(secret, t, body);
    expect(verifyWebhookSignature(secret, header, body.replace('case_1', 'case_2'), t, 300)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuse a stale timestamp, in either direction, even with a valid HMAC', () => {
    const header = signWebhook(secret, t, body);
    expect(verifyWebhookSignature(secret, header, body, t + 301, 300)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyWebhookSignature(secret, header, body, t - 301, 300)).toEqual({ ok: false, reason: 'stale' });
  });

  it('refuse a timestamp changed to look fresh (the timestamp is signed too)', () => {
    const header = signWebhook(secret, t, body).replace(`t=${t}`, `t=${t + 1000}`);
    expect(verifyWebhookSignature(secret, header, body, t + 1000, 300)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuse another secret, a missing header and a malformed one', () => {
    expect(verifyWebhookSignature('whsec_other', signWebhook(secret, t, body), body, t, 300)).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature(secret, undefined, body, t, 300)).toMatchObject({ reason: 'malformed' });
    expect(verifyWebhookSignature(secret, 'v1=abc', body, t, 300)).toMatchObject({ reason: 'malformed' });
    expect(verifyWebhookSignature(secret, `t=${t}`, body, t, 300)).toMatchObject({ reason: 'malformed' });
  });

  it('accept a header with several v1 values when one matches (secret rotation)', () => {
    const old = signWebhook('whsec_old', t, body).split(',')[1]!;
    const header = `${signWebhook(secret, t, body)},${old}`;
    expect(verifyWebhookSignature('whsec_old', header, body, t, 300).ok).toBe(true);
    expect(verifyWebhookSignature(secret, header, body, t, 300).ok).toBe(true);
  });

  it('hold for any body and secret, and break for any changed body', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), fc.string(), fc.integer({ min: 0, max: 9_999_999_999 }), (s, b, other, ts) => {
        const header = signWebhook(s, ts, b);
        expect(verifyWebhookSignature(s, header, b, ts, 0).ok).toBe(true);
        if (other !== b) expect(verifyWebhookSignature(s, header, other, ts, 0)).toEqual({ ok: false, reason: 'mismatch' });
      }),
    );
  });
});
