import { randomBytes } from 'node:crypto';
import type { ApiEnv } from '../../api.env';
import { CredentialCipher } from './credential-cipher';

const cipherWithNewKey = () =>
  new CredentialCipher({ CAMERA_CREDENTIALS_KEY: randomBytes(32).toString('base64') } as ApiEnv);

const credentials = { username: 'admin', password: 'correct horse battery staple' };

/** Flips one bit of the base64url part at `index` of `v1.<iv>.<tag>.<ciphertext>`. */
function tamper(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[index], 'base64url');
  bytes[0] ^= 0x01;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('CredentialCipher', () => {
  const cipher = cipherWithNewKey();

  it('decrypts what it encrypted', () => {
    expect(cipher.decrypt(cipher.encrypt(credentials))).toEqual(credentials);
  });

  it('produces v1.<iv>.<tag>.<ciphertext>', () => {
    expect(cipher.encrypt(credentials)).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('uses a fresh IV so the same credentials encrypt differently', () => {
    const a = cipher.encrypt(credentials);
    const b = cipher.encrypt(credentials);
    expect(a).not.toBe(b);
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
  });

  it('leaks neither username nor password', () => {
    const sealed = cipher.encrypt(credentials);
    expect(sealed).not.toContain(credentials.username);
    expect(sealed).not.toContain('horse');
    expect(sealed).not.toContain(Buffer.from(credentials.password).toString('base64url'));
  });

  it('refuses a tampered ciphertext', () => {
    expect(() => cipher.decrypt(tamper(cipher.encrypt(credentials), 3))).toThrow();
  });

  it('refuses a tampered tag', () => {
    expect(() => cipher.decrypt(tamper(cipher.encrypt(credentials), 2))).toThrow();
  });

  it('refuses a tampered IV', () => {
    expect(() => cipher.decrypt(tamper(cipher.encrypt(credentials), 1))).toThrow();
  });

  it('refuses an unknown version', () => {
    const sealed = cipher.encrypt(credentials).replace(/^v1\./, 'v2.');
    expect(() => cipher.decrypt(sealed)).toThrow(/unknown credential encryption version/);
  });

  it('cannot be decrypted with another key', () => {
    expect(() => cipherWithNewKey().decrypt(cipher.encrypt(credentials))).toThrow();
  });
});
