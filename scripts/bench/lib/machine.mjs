// What a benchmark result names the machine by: BENCH_MACHINE, CPU, memory, OS, Node and ffmpeg versions.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { clockTicksPerSecond } from './proc-stats.mjs';
import { round } from './stats.mjs';

function firstLine(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0].trim();
  } catch {
    return null;
  }
}

export function machineInfo() {
  return {
    name: process.env.BENCH_MACHINE ?? null,
    hostname: os.hostname(),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    os: existsSync('/etc/debian_version') ? `Debian ${readFileSync('/etc/debian_version', 'utf8').trim()}` : `${os.type()} ${os.release()}`,
    kernel: os.release(),
    node: process.version,
    ffmpeg: firstLine('ffmpeg', ['-hide_banner', '-version']),
    clockTicksPerSecond: clockTicksPerSecond(),
  };
}
