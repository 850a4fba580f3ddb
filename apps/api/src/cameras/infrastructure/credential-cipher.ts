import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ApiEnv } from '../../api.env';
import type { CameraCredentials } from '../domain/camera-source';

const VERSION = 'v1';

/** AES-256-GCM for camera credentials at rest: `v1.<iv>.<tag>.<ciphertext>` in base64url. */
@Injectable()
export class CredentialCipher {
  private readonly key: Buffer;

  constructor(env: ApiEnv) {
    this.key = Buffer.from(env.CAMERA_CREDENTIALS_KEY, 'base64');
  }

  encrypt(credentials: CameraCredentials): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  decrypt(sealed: string): CameraCredentials {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== VERSION) throw new Error('unknown credential encryption version');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as CameraCredentials;
  }
}
