#!/usr/bin/env node
// `npm run bench:streaming`: measures the streaming path of the local stack (api + streaming with
// its embedded ffmpeg engine), on the built services, against throwaway infrastructure.
//
//  (a) time to first playable segment: POST /api/cameras -> GET .../urls -> poll the playlist
//      until it lists a segment -> download that segment; for an RTSP camera (GStreamer test
//      camera) and for a `file://` camera (the shared street clip, looped live).
//  (b) cost per active stream: N cameras kept playing; CPU time and memory of every ffmpeg child
//      of the streaming service, and of the service itself, sampled from /proc.
//
// Prints tables and writes var/bench/streaming-<timestamp>.json. Everything it creates (database,
// RabbitMQ vhost, Redis keys, processes, temp dirs) is removed at the end, also on failure or
// Ctrl-C. Options: --runs N (10), --streams 8,32, --rtsp-streams 8 (0 skips), --warmup S (15),
// --sample S (20), --keepalive S (3). Set BENCH_MACHINE to name the machine in the result file.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { cleanUpOnSignals, onCleanup, runBenchmark } from './lib/cleanup.mjs';
import { randomTag } from './lib/infrastructure.mjs';
import { machineInfo } from './lib/machine.mjs';
import { keepServiceLogs, logTail, REPO_ROOT, sleep, startRtspCamera } from './lib/processes.mjs';
import { childrenOf, clockTicksPerSecond, loadAverage, machineCpuTicks, processStat, pssKb, rssKb } from './lib/proc-stats.mjs';
import { MEDIA_DIR, startStack } from './lib/stack.mjs';
import { mean, round, summary, table } from './lib/stats.mjs';

const STREET_CLIP = path.join(MEDIA_DIR, 'street_traffic_640x360.mp4');
const POLL_MS = 100;
const FIRST_SEGMENT_TIMEOUT_MS = 60_000;
const ALL_STARTED_TIMEOUT_MS = 90_000;
const PATH_GONE_TIMEOUT_MS = 20_000;
const CLK_TCK = clockTicksPerSecond();

const log = (message) => process.stdout.write(`[bench] ${message}\n`);

function parseOptions() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '10' },
      streams: { type: 'string', default: '8,32' },
      'rtsp-streams': { type: 'string', default: '8' },
      warmup: { type: 'string', default: '15' },
      sample: { type: 'string', default: '20' },
      keepalive: { type: 'string', default: '3' },
    },
  });
  const positive = (name, value) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 0) throw new Error(`--${name} must be a whole number, got ${value}`);
    return number;
  };
  return {
    runs: positive('runs', values.runs),
    streams: values.streams.split(',').filter(Boolean).map((value) => positive('streams', value)),
    rtspStreams: positive('rtsp-streams', values['rtsp-streams']),
    warmupS: positive('warmup', values.warmup),
    sampleS: positive('sample', values.sample),
    keepAliveS: Math.max(1, positive('keepalive', values.keepalive)),
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers over the running stack

function ffmpegChildren(streaming) {
  return childrenOf(streaming.pid, 'ffmpeg');
}

function assertAlive(service) {
  const exit = service.exitStatus();
  if (exit) throw new Error(`${service.name} exited (${JSON.stringify(exit)}):\n${logTail(service.logFile)}`);
}

/** After a DELETE: the playlist answers 404 and no ffmpeg of the service is left. */
async function waitPathGone(stack, playlistUrl) {
  const deadline = Date.now() + PATH_GONE_TIMEOUT_MS;
  for (;;) {
    const gone = (!playlistUrl || (await stack.client.readPlaylist(playlistUrl, 5000)).status === 404) && ffmpegChildren(stack.streaming).length === 0;
    if (gone) return;
    if (Date.now() > deadline) throw new Error(`the stream (${playlistUrl}) was still there ${PATH_GONE_TIMEOUT_MS / 1000} s after deleting its camera`);
    await sleep(POLL_MS);
  }
}

/** When the streaming service logged `<path>: ffmpeg <pid> started` (epoch ms), if it did. */
function ffmpegStartedAt(logFile, streamPath) {
  const marker = `${streamPath}: ffmpeg `;
  let text;
  try {
    text = readFileSync(logFile, 'utf8');
  } catch {
    return null;
  }
  for (const line of text.split('\n')) {
    if (!line.includes(marker) || !line.includes(' started')) continue;
    try {
      const entry = JSON.parse(line);
      if (typeof entry.time === 'number') return entry.time;
    } catch {
      // not a JSON log line
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// (a) Time to first playable segment

async function timeToFirstSegment(stack, label, sourceUrl, runs, tag) {
  log(`time to first segment: ${label}, ${runs} runs`);
  const records = [];
  for (let run = 1; run <= runs; run += 1) {
    await stack.client.freshen();
    assertAlive(stack.streaming);
    const record = { run };
    let camera = null;
    let playlistUrl = null;
    try {
      const t0 = Date.now();
      camera = await stack.client.createCamera(`bench ${label} ttfs ${run} ${tag}`, sourceUrl);
      const tPost = Date.now();
      playlistUrl = await stack.client.playlistUrl(camera.id);
      const tUrls = Date.now();
      let playlist;
      let requests = 0;
      const statuses = {};
      for (;;) {
        playlist = await stack.client.readPlaylist(playlistUrl);
        requests += 1;
        statuses[playlist.status] = (statuses[playlist.status] ?? 0) + 1;
        if (playlist.status === 200 && playlist.segments.length > 0) break;
        if (Date.now() - t0 > FIRST_SEGMENT_TIMEOUT_MS) throw new Error(`no segment after ${FIRST_SEGMENT_TIMEOUT_MS / 1000} s (answers: ${JSON.stringify(statuses)})`);
        await sleep(POLL_MS);
      }
      const tPlaylist = Date.now();
      const segment = await stack.client.fetchSegment(playlist.segments[0]);
      const t1 = Date.now();
      if (segment.status !== 200 || segment.bytes === 0) throw new Error(`first segment answered ${segment.status} with ${segment.bytes} bytes`);
      const spawnedAt = ffmpegStartedAt(stack.streaming.logFile, camera.streamPath);
      Object.assign(record, {
        ok: true,
        totalMs: t1 - t0,
        postMs: tPost - t0,
        urlsMs: tUrls - tPost,
        playlistMs: tPlaylist - t0,
        segmentMs: t1 - tPlaylist,
        ffmpegSpawnMs: spawnedAt === null ? null : spawnedAt - t0,
        segmentBytes: segment.bytes,
        segmentSeconds: playlist.durations?.[0] ?? null,
        playlistRequests: requests,
        playlistStatuses: statuses,
      });
      log(`  ${label} #${run}: ${record.totalMs} ms (POST ${record.postMs} ms, ffmpeg started at ${record.ffmpegSpawnMs ?? '?'} ms, ` +
        `first segment ${record.segmentSeconds ?? '?'} s / ${segment.bytes} B)`);
    } catch (error) {
      Object.assign(record, { ok: false, error: error.message });
      log(`  ${label} #${run}: FAILED ${error.message}`);
    }
    if (camera) {
      const tDelete = Date.now();
      await stack.client.deleteCamera(camera.id);
      await waitPathGone(stack, playlistUrl);
      record.deleteMs = Date.now() - tDelete;
    }
    records.push(record);
    await sleep(500);
  }
  const ok = records.filter((record) => record.ok);
  return {
    source: label,
    sourceUrl,
    runs,
    succeeded: ok.length,
    totalMs: summary(ok.map((record) => record.totalMs)),
    postMs: summary(ok.map((record) => record.postMs)),
    urlsMs: summary(ok.map((record) => record.urlsMs)),
    ffmpegSpawnMs: summary(ok.map((record) => record.ffmpegSpawnMs).filter((value) => value !== null)),
    firstSegmentSeconds: summary(ok.map((record) => record.segmentSeconds).filter((value) => value !== null)),
    deleteMs: summary(records.map((record) => record.deleteMs).filter((value) => value !== undefined)),
    records,
  };
}

// ---------------------------------------------------------------------------------------------
// (b) Cost per active stream

/** Requests every playlist every keepAliveS seconds (as players would) until stopped. */
function keepPlaying(stack, streams, keepAliveS) {
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const roundStarted = Date.now();
      await Promise.all(streams.map(async (stream) => {
        const playlist = await stack.client.readPlaylist(stream.playlistUrl);
        stream.lastStatus = playlist.status;
        if (playlist.status === 200 && playlist.segments.length > 0 && stream.servingAt === null) stream.servingAt = Date.now();
      }));
      const wait = keepAliveS * 1000 - (Date.now() - roundStarted);
      if (!stopped && wait > 0) await sleep(wait);
    }
  })();
  return async () => {
    stopped = true;
    await loop;
  };
}

function takeSample(stack, extraPids) {
  const ffmpeg = ffmpegChildren(stack.streaming).map((stat) => ({ pid: stat.pid, cpuTicks: stat.cpuTicks, rssKb: rssKb(stat.pid), pssKb: pssKb(stat.pid) }));
  const own = processStat(stack.streaming.pid);
  const extra = Object.fromEntries(Object.entries(extraPids).map(([name, pid]) => [name, { cpuTicks: processStat(pid)?.cpuTicks ?? null, rssKb: rssKb(pid) }]));
  return {
    at: performance.now(),
    ffmpeg,
    streaming: { cpuTicks: own?.cpuTicks ?? null, rssKb: rssKb(stack.streaming.pid), pssKb: pssKb(stack.streaming.pid) },
    extra,
    machine: machineCpuTicks(),
  };
}

const roundSummary = (stats, digits) => Object.fromEntries(Object.entries(stats).map(([key, value]) => [key, key === 'n' ? value : round(value, digits)]));
const cpuPercent = (ticks, ms) => (ticks / CLK_TCK / (ms / 1000)) * 100;
const mb = (kb) => (kb === null || kb === undefined ? null : kb / 1024);

function analyseSamples(samples, streamCount) {
  const first = samples[0];
  const last = samples.at(-1);
  const windowMs = last.at - first.at;
  const byPid = new Map();
  for (const sample of samples) {
    for (const proc of sample.ffmpeg) {
      const entry = byPid.get(proc.pid) ?? { pid: proc.pid, first: { at: sample.at, ticks: proc.cpuTicks }, rss: [], pss: [] };
      entry.last = { at: sample.at, ticks: proc.cpuTicks };
      if (proc.rssKb !== null) entry.rss.push(proc.rssKb);
      if (proc.pssKb !== null) entry.pss.push(proc.pssKb);
      byPid.set(proc.pid, entry);
    }
  }
  const processes = [...byPid.values()].map((entry) => ({
    pid: entry.pid,
    wholeWindow: entry.first.at === first.at && entry.last.at === last.at,
    cpuPercent: entry.last.at > entry.first.at ? cpuPercent(entry.last.ticks - entry.first.ticks, entry.last.at - entry.first.at) : null,
    cpuTicks: entry.last.ticks - entry.first.ticks,
    rssMb: mb(mean(entry.rss)),
    pssMb: mb(mean(entry.pss)),
  }));
  const steady = processes.filter((proc) => proc.wholeWindow);
  const counts = samples.map((sample) => sample.ffmpeg.length);
  const sumPerSample = (key) => mean(samples.map((sample) => sample.ffmpeg.reduce((sum, proc) => sum + (proc[key] ?? 0), 0)));
  const machineBusy = (last.machine.busy - first.machine.busy) / (last.machine.total - first.machine.total);
  const extra = Object.fromEntries(Object.keys(first.extra).map((name) => {
    const ticks = last.extra[name].cpuTicks !== null && first.extra[name].cpuTicks !== null ? last.extra[name].cpuTicks - first.extra[name].cpuTicks : null;
    return [name, { cpuPercent: ticks === null ? null : round(cpuPercent(ticks, windowMs), 1), rssMb: round(mb(mean(samples.map((s) => s.extra[name].rssKb).filter((v) => v !== null))), 1) }];
  }));
  return {
    windowS: round(windowMs / 1000, 1),
    samples: samples.length,
    ffmpegProcesses: { min: Math.min(...counts), max: Math.max(...counts), distinctPids: byPid.size, wholeWindow: steady.length },
    perStream: {
      cpuPercent: roundSummary(summary(steady.map((proc) => proc.cpuPercent)), 2),
      rssMb: roundSummary(summary(steady.map((proc) => proc.rssMb).filter((value) => value !== null)), 1),
      pssMb: roundSummary(summary(steady.map((proc) => proc.pssMb).filter((value) => value !== null)), 1),
    },
    ffmpegTotal: {
      cpuPercent: round(cpuPercent(processes.reduce((sum, proc) => sum + proc.cpuTicks, 0), windowMs), 1),
      cpuPercentPerStream: round(cpuPercent(processes.reduce((sum, proc) => sum + proc.cpuTicks, 0), windowMs) / streamCount, 2),
      rssMb: round(mb(sumPerSample('rssKb')), 1),
      pssMb: round(mb(sumPerSample('pssKb')), 1),
    },
    streamingService: {
      cpuPercent: round(cpuPercent(last.streaming.cpuTicks - first.streaming.cpuTicks, windowMs), 1),
      rssMb: round(mb(mean(samples.map((sample) => sample.streaming.rssKb))), 1),
      pssMb: round(mb(mean(samples.map((sample) => sample.streaming.pssKb).filter((value) => value !== null))), 1),
    },
    machine: { cpus: os.cpus().length, busyPercentOfAllCores: round(machineBusy * 100, 1) },
    other: extra,
    processes: processes.map((proc) => ({ ...proc, cpuPercent: round(proc.cpuPercent, 2), rssMb: round(proc.rssMb, 1), pssMb: round(proc.pssMb, 1) })),
  };
}

async function costPerStream(stack, label, sourceUrl, count, options, tag, extraPids = {}) {
  log(`cost per stream: ${count} × ${label}`);
  await stack.client.freshen();
  assertAlive(stack.streaming);
  const streams = [];
  const result = { source: label, sourceUrl, streams: count };
  let stopPlaying = null;
  try {
    for (let index = 1; index <= count; index += 1) {
      const camera = await stack.client.createCamera(`bench ${label} load ${count} ${index} ${tag}`, sourceUrl);
      streams.push({ camera, playlistUrl: await stack.client.playlistUrl(camera.id), servingAt: null, lastStatus: null });
    }
    const startedAt = Date.now();
    stopPlaying = keepPlaying(stack, streams, options.keepAliveS);
    while (streams.some((stream) => stream.servingAt === null) && Date.now() - startedAt < ALL_STARTED_TIMEOUT_MS) {
      assertAlive(stack.streaming);
      await sleep(250);
    }
    const serving = streams.filter((stream) => stream.servingAt !== null);
    result.servingAfterStart = serving.length;
    result.allServingMs = serving.length === count ? Math.max(...serving.map((stream) => stream.servingAt)) - startedAt : null;
    log(`  ${serving.length}/${count} serving${result.allServingMs === null ? ` after ${ALL_STARTED_TIMEOUT_MS / 1000} s` : ` after ${result.allServingMs} ms`}; settling ${options.warmupS} s`);
    if (serving.length === 0) throw new Error(`none of the ${count} streams started: ${streams.map((stream) => stream.lastStatus).join(',')}`);
    await sleep(options.warmupS * 1000);

    const samples = [takeSample(stack, extraPids)];
    for (let second = 1; second <= options.sampleS; second += 1) {
      await sleep(1000);
      samples.push(takeSample(stack, extraPids));
    }
    Object.assign(result, analyseSamples(samples, count));

    const finalCheck = await Promise.all(streams.map((stream) => stack.client.readPlaylist(stream.playlistUrl)));
    result.servingAtEnd = finalCheck.filter((playlist) => playlist.status === 200 && playlist.segments.length > 0).length;
    result.endStatuses = finalCheck.map((playlist) => playlist.status);
    result.segmentSecondsAtEnd = roundSummary(summary(finalCheck.flatMap((playlist) => playlist.durations ?? [])), 2);
    result.ok = true;
    const perStream = result.perStream;
    log(`  per stream: ${round(perStream.cpuPercent.mean, 2)} % CPU, ${round(perStream.rssMb.mean, 1)} MB RSS; ffmpeg total ${result.ffmpegTotal.cpuPercent} %; ` +
      `streaming ${result.streamingService.cpuPercent} % / ${result.streamingService.rssMb} MB; ${result.servingAtEnd}/${count} playlists 200 at the end`);
  } catch (error) {
    Object.assign(result, { ok: false, error: error.message });
    log(`  FAILED: ${error.message}`);
  } finally {
    if (stopPlaying) await stopPlaying();
    const tDelete = Date.now();
    for (const stream of streams) await stack.client.deleteCamera(stream.camera.id);
    await waitPathGone(stack, null);
    result.deleteAllMs = Date.now() - tDelete;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Report

function printReport(report) {
  const ms = (value) => (value === null ? null : Math.round(value));
  const ttfsRows = report.timeToFirstSegment.map((entry) => [
    entry.source, `${entry.succeeded}/${entry.runs}`,
    ms(entry.totalMs.median), ms(entry.totalMs.p90), ms(entry.totalMs.min), ms(entry.totalMs.max),
    ms(entry.ffmpegSpawnMs.median), entry.firstSegmentSeconds.median, ms(entry.postMs.median), ms(entry.postMs.p90), ms(entry.postMs.max),
  ]);
  process.stdout.write('\nTime to first playable segment (ms, from POST /api/cameras until the first segment is downloaded)\n');
  process.stdout.write(`${table(['source', 'ok', 'median', 'p90', 'min', 'max', 'ffmpeg start (median)', 'segment s (median)', 'POST median', 'POST p90', 'POST max'], ttfsRows)}\n`);

  const loadRows = report.costPerStream.map((entry) => entry.ok
    ? [
      entry.source, entry.streams, `${entry.servingAtEnd}/${entry.streams}`, entry.segmentSecondsAtEnd.median,
      round(entry.perStream.cpuPercent.mean, 2), round(entry.perStream.rssMb.mean, 1), round(entry.perStream.pssMb.mean, 1),
      entry.ffmpegTotal.cpuPercent, entry.ffmpegTotal.rssMb, entry.ffmpegTotal.pssMb,
      entry.streamingService.cpuPercent, entry.streamingService.rssMb, entry.machine.busyPercentOfAllCores,
    ]
    : [entry.source, entry.streams, entry.skipped ? 'skipped' : 'FAILED', entry.skipped ?? entry.error]);
  process.stdout.write(`\nCost per active stream (${report.options.sampleS} s window after ${report.options.warmupS} s steady state; CPU % of one core)\n`);
  process.stdout.write(`${table(['source', 'N', 'playing at end', 'segment s', 'CPU %/stream', 'RSS MB/stream', 'PSS MB/stream', 'ffmpeg CPU %', 'ffmpeg RSS MB', 'ffmpeg PSS MB', 'streaming CPU %', 'streaming RSS MB', 'machine busy % (all cores)'], loadRows)}\n`);
  process.stdout.write(`\nload average before ${JSON.stringify(report.loadAverage.before)}, after ${JSON.stringify(report.loadAverage.after)}\n`);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const options = parseOptions();
  cleanUpOnSignals();
  if (!existsSync(STREET_CLIP)) throw new Error(`${STREET_CLIP} is missing (the shared test media)`);
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const tag = randomTag();
  const loadBefore = loadAverage();
  log(`load average before: ${loadBefore.one} ${loadBefore.five} ${loadBefore.fifteen} (${os.cpus().length} CPUs)`);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'vms-bench-streaming-'));
  onCleanup(`remove ${workDir}`, () => rm(workDir, { recursive: true, force: true }));
  const resultDir = path.join(REPO_ROOT, 'var/bench');
  mkdirSync(resultDir, { recursive: true });

  try {
    const stack = await startStack({ tag, workDir, log });
    const camera = await startRtspCamera(path.join(workDir, 'rtsp-camera.log'));
    log(`RTSP test camera (pid ${camera.pid}) at ${camera.url}`);
    const fileUrl = pathToFileURL(STREET_CLIP).href;

    const firstSegmentResults = [
      await timeToFirstSegment(stack, 'rtsp', camera.url, options.runs, tag),
      await timeToFirstSegment(stack, 'file', fileUrl, options.runs, tag),
    ];
    const costPerStreamResults = [];
    for (const count of options.streams) costPerStreamResults.push(await costPerStream(stack, 'file', fileUrl, count, options, tag));
    if (options.rtspStreams > 0) {
      costPerStreamResults.push(await costPerStream(stack, 'rtsp', camera.url, options.rtspStreams, options, tag, { rtspCamera: camera.pid }));
    }
    assertAlive(stack.streaming);
    assertAlive(stack.api);

    const report = {
      benchmark: 'streaming',
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: machineInfo(),
      loadAverage: { before: loadBefore, after: loadAverage() },
      options,
      setup: {
        mediaServer: 'embedded (one ffmpeg per active path, remux to HLS, 2 s target segments, 6 in the playlist)',
        rtspCamera: 'test/support/rtsp_test_camera.py: GStreamer, H.264 320x240 15 fps, keyframe every 30 frames (2 s)',
        fileCamera: `${path.relative(REPO_ROOT, STREET_CLIP)}: H.264 640x360 29.97 fps + AAC, keyframes every 8.34 s, looped in real time`,
        pollIntervalMs: POLL_MS,
      },
      timeToFirstSegment: firstSegmentResults,
      costPerStream: costPerStreamResults,
    };
    const file = path.join(resultDir, `streaming-${stamp}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    printReport(report);
    log(`results written to ${path.relative(REPO_ROOT, file)}`);
  } catch (error) {
    log(`service logs kept in ${keepServiceLogs(workDir, resultDir, `streaming-${stamp}`, ['api', 'streaming', 'rtsp-camera'])}`);
    throw error;
  }
}

await runBenchmark(main);
