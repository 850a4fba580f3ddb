import { Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import ipaddr from 'ipaddr.js';
import { ApiEnv } from '../../api.env';
import type { CameraSource } from '../domain/camera-source';
import { CameraErrors } from '../domain/camera.errors';
import { SourceNetworkPolicy } from '../domain/source-network-policy';

/** Ranges no camera may ever point at: link-local (cloud metadata lives there) and non-unicast. */
const ALWAYS_FORBIDDEN = new Set(['linkLocal', 'unspecified', 'broadcast', 'multicast', 'reserved', 'benchmarking', 'amt', 'as112', 'as112v6', 'discard', 'orchid2', 'deprecated', 'teredo', '6to4']);
/** Ranges allowed only when CAMERA_ALLOW_PRIVATE_NETWORKS is on (cameras usually live on a LAN). */
const PRIVATE = new Set(['loopback', 'private', 'uniqueLocal', 'carrierGradeNat']);
const METADATA_HOSTS = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal']);

@Injectable()
export class DnsSourceNetworkPolicy extends SourceNetworkPolicy {
  private readonly fileRoots: string[];

  constructor(private readonly env: ApiEnv) {
    super();
    this.fileRoots = env.CAMERA_FILE_ROOTS.split(',').map((root) => root.trim()).filter(Boolean).map((root) => path.resolve(root));
  }

  async assertAllowed(source: CameraSource): Promise<void> {
    if (source.kind === 'file') return this.assertFileAllowed(source.filePath!);
    const host = source.host!.toLowerCase();
    if (METADATA_HOSTS.has(host)) throw CameraErrors.sourceForbidden('Cloud metadata endpoints are not camera sources');
    for (const address of await this.resolve(host)) this.assertAddressAllowed(address);
  }

  private async resolve(host: string): Promise<string[]> {
    if (ipaddr.isValid(host)) return [host];
    try {
      return (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
    } catch {
      throw CameraErrors.sourceUnresolvable(host);
    }
  }

  private assertAddressAllowed(raw: string): void {
    let address = ipaddr.parse(raw);
    if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
      address = (address as ipaddr.IPv6).toIPv4Address();
    }
    const range = address.range();
    if (ALWAYS_FORBIDDEN.has(range)) {
      throw CameraErrors.sourceForbidden(`Sources in the ${range} range (${raw}) are never allowed`);
    }
    if (PRIVATE.has(range) && !this.env.CAMERA_ALLOW_PRIVATE_NETWORKS) {
      throw CameraErrors.sourceForbidden(
        `Sources on ${range} addresses (${raw}) are refused; set CAMERA_ALLOW_PRIVATE_NETWORKS=true to allow LAN cameras`,
      );
    }
  }

  private async assertFileAllowed(filePath: string): Promise<void> {
    // Checked before touching the file system, so the answer does not reveal which paths exist.
    if (!this.insideRoots(path.resolve(filePath), this.fileRoots)) throw forbiddenFile();
    let real: string;
    try {
      real = await realpath(filePath);
    } catch {
      throw CameraErrors.sourceNotFound();
    }
    const roots = await Promise.all(this.fileRoots.map((root) => realpath(root).catch(() => root)));
    if (!this.insideRoots(real, roots)) throw forbiddenFile();
  }

  private insideRoots(candidate: string, roots: string[]): boolean {
    return roots.some((root) => candidate === root || candidate.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
  }
}

function forbiddenFile() {
  return CameraErrors.sourceForbidden('file:// sources must lie inside a directory listed in CAMERA_FILE_ROOTS');
}
