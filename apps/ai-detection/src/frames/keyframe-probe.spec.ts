import { keyframeProbeArgs, parseKeyframeProbe } from './keyframe-probe';

function probeJson(keyframes: number[], lastPacket: number, stream: Record<string, number> = { width: 640, height: 360 }): string {
  const entries = [
    ...keyframes.map((time) => ({ type: 'packet', pts_time: time.toFixed(6) })),
    { type: 'packet', pts_time: lastPacket.toFixed(6) },
    ...keyframes.map((time) => ({ type: 'frame', pts_time: time.toFixed(6), best_effort_timestamp_time: time.toFixed(6) })),
  ];
  return JSON.stringify({ packets_and_frames: entries, streams: [stream] });
}

describe('keyframe probe', () => {
  it('asks ffprobe for decoded keyframes and packet times over a bounded window from the oldest segment', () => {
    const args = keyframeProbeArgs('http://h/cam_1/index.m3u8?token=t', { ioTimeoutMs: 4000 });
    expect(args).toEqual(expect.arrayContaining(['-skip_frame', 'nokey', '-select_streams', 'v:0', '-read_intervals', '%+6', '-of', 'json']));
    expect(args[args.indexOf('-live_start_index') + 1]).toBe('0');
    expect(args[args.indexOf('-rw_timeout') + 1]).toBe('4000000');
    expect(args[args.length - 1]).toBe('http://h/cam_1/index.m3u8?token=t');
  });

  it('measures a 1 s GOP', () => {
    expect(parseKeyframeProbe(probeJson([521.92, 522.921, 523.922, 524.923, 525.924, 526.925], 527.8926)))
      .toEqual({ ok: true, width: 640, height: 360, keyframeIntervalSec: 1.001 });
  });

  it('counts the open gap after the last keyframe (a scene cut inside a long GOP is not a short GOP)', () => {
    const result = parseKeyframeProbe(probeJson([100, 101.3], 105.9));
    expect(result).toEqual({ ok: true, width: 640, height: 360, keyframeIntervalSec: 4.6 });
  });

  it('gives no interval when fewer than two keyframes fall in the window (long GOP)', () => {
    expect(parseKeyframeProbe(probeJson([1.4667], 7.4))).toEqual({ ok: true, width: 640, height: 360, keyframeIntervalSec: null });
  });

  it('ignores backward jumps (timestamp wrap or restarted source)', () => {
    expect(parseKeyframeProbe(probeJson([95440, 95441, 0.5, 1.5], 2.2))).toMatchObject({ ok: true, keyframeIntervalSec: 1 });
  });

  it('fails without a video size or with unreadable output', () => {
    expect(parseKeyframeProbe(probeJson([1, 2], 3, {}))).toEqual({ ok: false, reason: 'no video stream' });
    expect(parseKeyframeProbe('{"streams":[]}')).toEqual({ ok: false, reason: 'no video stream' });
    expect(parseKeyframeProbe('garbage')).toEqual({ ok: false, reason: 'invalid data' });
  });
});
