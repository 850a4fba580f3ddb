import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DomainError } from '@vms/platform/errors/domain-error';
import type { ApiEnv } from '../../api.env';
import { CameraSource } from '../domain/camera-source';
import { DnsSourceNetworkPolicy } from './dns-source-network.policy';

function policy(allowPrivate: boolean, fileRoots = ''): DnsSourceNetworkPolicy {
  return new DnsSourceNetworkPolicy({ CAMERA_ALLOW_PRIVATE_NETWORKS: allowPrivate, CAMERA_FILE_ROOTS: fileRoots } as ApiEnv);
}

async function codeOf(check: Promise<void>): Promise<string | null> {
  try {
    await check;
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
}

const source = (url: string) => CameraSource.parse(url).source;

describe('DnsSourceNetworkPolicy', () => {
  describe('network sources', () => {
    it.each([
      ['cloud metadata (link-local IPv4)', 'rtsp://169.254.169.254/latest'],
      ['link-local IPv6', 'rtsp://[fe80::1]/s'],
      ['the unspecified address', 'rtsp://0.0.0.0/s'],
      ['multicast', 'rtsp://224.0.0.1/s'],
      ['broadcast', 'rtsp://255.255.255.255/s'],
      ['the metadata host name', 'http://metadata.google.internal/computeMetadata/v1/x.m3u8'],
      ['the metadata host name in upper case', 'http://METADATA.GOOGLE.INTERNAL/x.m3u8'],
    ])('always refuses %s', async (_label, url) => {
      expect(await codeOf(policy(true).assertAllowed(source(url)))).toBe('CAMERA.SOURCE_FORBIDDEN');
      expect(await codeOf(policy(false).assertAllowed(source(url)))).toBe('CAMERA.SOURCE_FORBIDDEN');
    });

    it.each([
      ['loopback', 'rtsp://127.0.0.1/s'],
      ['10/8', 'rtsp://10.1.2.3/s'],
      ['192.168/16', 'rtsp://192.168.1.10/s'],
      ['172.16/12', 'rtsp://172.16.0.1/s'],
      ['carrier-grade NAT', 'rtsp://100.64.0.1/s'],
      ['IPv6 loopback', 'rtsp://[::1]/s'],
      ['IPv6 unique local', 'rtsp://[fd00::1]/s'],
      ['localhost', 'rtsp://localhost:8554/s'],
      ['IPv4-mapped loopback', 'rtsp://[::ffff:127.0.0.1]/s'],
    ])('refuses %s while private networks are off', async (_label, url) => {
      expect(await codeOf(policy(false).assertAllowed(source(url)))).toBe('CAMERA.SOURCE_FORBIDDEN');
    });

    it.each([
      ['loopback', 'rtsp://127.0.0.1/s'],
      ['10/8', 'rtsp://10.1.2.3/s'],
      ['192.168/16', 'rtsp://192.168.1.10/s'],
      ['172.16/12', 'rtsp://172.16.0.1/s'],
      ['IPv6 loopback', 'rtsp://[::1]/s'],
      ['IPv6 unique local', 'rtsp://[fd00::1]/s'],
      ['localhost', 'rtsp://localhost:8554/s'],
      ['IPv4-mapped loopback', 'rtsp://[::ffff:127.0.0.1]/s'],
    ])('accepts %s when private networks are on', async (_label, url) => {
      expect(await codeOf(policy(true).assertAllowed(source(url)))).toBeNull();
    });

    it('accepts a public address', async () => {
      expect(await codeOf(policy(false).assertAllowed(source('rtsp://8.8.8.8/s')))).toBeNull();
      expect(await codeOf(policy(false).assertAllowed(source('https://[2001:4860:4860::8888]/live.m3u8')))).toBeNull();
    });

    it('reports a host that does not resolve', async () => {
      expect(await codeOf(policy(true).assertAllowed(source('rtsp://nonexistent.invalid/s')))).toBe('CAMERA.SOURCE_UNRESOLVABLE');
    });
  });

  describe('file sources', () => {
    let root: string;
    let outside: string;

    beforeAll(async () => {
      // realpath: the policy compares resolved file paths against the roots as configured.
      root = await realpath(await mkdtemp(path.join(tmpdir(), 'vms-roots-')));
      outside = await realpath(await mkdtemp(path.join(tmpdir(), 'vms-outside-')));
      await mkdir(path.join(root, 'lobby'));
      await writeFile(path.join(root, 'lobby', 'day.mp4'), 'x');
      await writeFile(path.join(outside, 'secret.mp4'), 'x');
      await symlink(path.join(outside, 'secret.mp4'), path.join(root, 'escape.mp4'));
    });

    afterAll(async () => {
      await rm(root, { recursive: true, force: true });
      await rm(outside, { recursive: true, force: true });
    });

    const fileUrl = (filePath: string) => `file://${filePath}`;

    it('accepts a file inside a root', async () => {
      const check = policy(false, root).assertAllowed(source(fileUrl(path.join(root, 'lobby', 'day.mp4'))));
      expect(await codeOf(check)).toBeNull();
    });

    it('accepts a file inside any of several comma-separated roots', async () => {
      const check = policy(false, ` /nonexistent-root , ${root} `).assertAllowed(source(fileUrl(path.join(root, 'lobby', 'day.mp4'))));
      expect(await codeOf(check)).toBeNull();
    });

    it('refuses a file outside the roots', async () => {
      const check = policy(true, root).assertAllowed(source(fileUrl(path.join(outside, 'secret.mp4'))));
      expect(await codeOf(check)).toBe('CAMERA.SOURCE_FORBIDDEN');
    });

    it('refuses every file when no root is configured', async () => {
      const check = policy(true, '').assertAllowed(source(fileUrl(path.join(root, 'lobby', 'day.mp4'))));
      expect(await codeOf(check)).toBe('CAMERA.SOURCE_FORBIDDEN');
    });

    it('refuses a sibling directory that only shares the root as a prefix', async () => {
      const sibling = `${root}-sibling`;
      await mkdir(sibling);
      await writeFile(path.join(sibling, 'a.mp4'), 'x');
      try {
        const check = policy(true, root).assertAllowed(source(fileUrl(path.join(sibling, 'a.mp4'))));
        expect(await codeOf(check)).toBe('CAMERA.SOURCE_FORBIDDEN');
      } finally {
        await rm(sibling, { recursive: true, force: true });
      }
    });

    it('refuses dot-dot escapes out of the root', async () => {
      const escaping = `file://${root}/lobby/../../${path.basename(outside)}/secret.mp4`;
      expect(await codeOf(policy(true, root).assertAllowed(source(escaping)))).toBe('CAMERA.SOURCE_FORBIDDEN');
    });

    it('reports a missing file', async () => {
      const check = policy(true, root).assertAllowed(source(fileUrl(path.join(root, 'missing.mp4'))));
      expect(await codeOf(check)).toBe('CAMERA.SOURCE_NOT_FOUND');
    });

    it('does not reveal whether a path outside the roots exists', async () => {
      const missing = policy(true, root).assertAllowed(source(fileUrl('/no/such/dir/recording.mp4')));
      const existing = policy(true, root).assertAllowed(source(fileUrl('/etc/hostname')));
      expect(await codeOf(missing)).toBe('CAMERA.SOURCE_FORBIDDEN');
      expect(await codeOf(existing)).toBe('CAMERA.SOURCE_FORBIDDEN');
    });

    it('refuses a symlink inside the root that points outside', async () => {
      const check = policy(true, root).assertAllowed(source(fileUrl(path.join(root, 'escape.mp4'))));
      expect(await codeOf(check)).toBe('CAMERA.SOURCE_FORBIDDEN');
    });
  });
});
