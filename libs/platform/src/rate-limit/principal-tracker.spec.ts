import type { Request } from 'express';
import { BearerSubjectVerifier, principalTrackerOf } from './principal-tracker';

function request(headers: Record<string, string>, ip: string | null = '203.0.113.7'): Request {
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return { header: (name: string) => lower[name.toLowerCase()], ip: ip ?? undefined } as unknown as Request;
}

const verifier: BearerSubjectVerifier = {
  subjectOf: (token: string) => (token === 'good-token' ? 'user-42' : null),
};

describe('principalTrackerOf', () => {
  it('tracks an API key by its hash, never the raw key', () => {
    const tracker = principalTrackerOf(request({ 'x-api-key': 'vms_live_abcdef123456' }), verifier);
    expect(tracker).toMatch(/^key:[0-9a-f]{32}$/);
    expect(tracker).not.toContain('vms_live_abcdef123456');
  });

  it('gives the same tracker for the same key and different ones for different keys', () => {
    const a = principalTrackerOf(request({ 'x-api-key': 'key-a' }), null);
    expect(principalTrackerOf(request({ 'x-api-key': 'key-a' }, '198.51.100.1'), null)).toBe(a);
    expect(principalTrackerOf(request({ 'x-api-key': 'key-b' }), null)).not.toBe(a);
  });

  it('prefers the API key over a bearer token', () => {
    const tracker = principalTrackerOf(request({ 'x-api-key': 'k', authorization: 'Bearer good-token' }), verifier);
    expect(tracker).toMatch(/^key:/);
  });

  it('tracks a valid bearer token by its user', () => {
    expect(principalTrackerOf(request({ authorization: 'Bearer good-token' }), verifier)).toBe('user:user-42');
  });

  it('falls back to the IP for an invalid bearer token', () => {
    expect(principalTrackerOf(request({ authorization: 'Bearer forged' }), verifier)).toBe('ip:203.0.113.7');
  });

  it('falls back to the IP for a non-bearer authorization header', () => {
    expect(principalTrackerOf(request({ authorization: 'Basic good-token' }), verifier)).toBe('ip:203.0.113.7');
  });

  it('falls back to the IP when there is no verifier', () => {
    expect(principalTrackerOf(request({ authorization: 'Bearer good-token' }), null)).toBe('ip:203.0.113.7');
  });

  it('tracks an anonymous request by its IP', () => {
    expect(principalTrackerOf(request({}, '198.51.100.9'), verifier)).toBe('ip:198.51.100.9');
  });

  it('uses "unknown" when the IP is missing', () => {
    expect(principalTrackerOf(request({}, null), verifier)).toBe('ip:unknown');
  });
});
