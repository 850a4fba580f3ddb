import { decodeModeFor, ffmpegFrameArgs, fitFilter, FrameSourcePlan, isHlsUrl } from './ffmpeg-frame-args';
import { FrameFormat } from './frame';

const HLS = 'http://streaming:8888/cam_7/index.m3u8?token=eyJhbGciOi.secret.sig';
const source = { width: 640, height: 360 };

function format(fit: FrameFormat['fit'], width = 416, height = 416): FrameFormat {
  return { width, height, fit, padRgb: [114, 114, 114] };
}

function plan(fit: FrameFormat['fit'], mode: FrameSourcePlan['mode'] = 'all-frames'): FrameSourcePlan {
  return { format: format(fit), source, mode };
}

function valueOf(args: string[], option: string): string | undefined {
  const index = args.indexOf(option);
  return index === -1 ? undefined : args[index + 1];
}

describe('fitting the picture in ffmpeg', () => {
  it('letterboxes into the top-left corner at exactly the content size', () => {
    expect(fitFilter(format('letterbox-top-left'), source)).toBe(
      'scale=416:234:force_original_aspect_ratio=decrease:flags=bilinear,format=rgb24,pad=416:416:0:0:color=0x727272',
    );
  });

  it('letterboxes into the centre at the contentRectOf offsets', () => {
    expect(fitFilter(format('letterbox-center'), source)).toBe(
      'scale=416:234:force_original_aspect_ratio=decrease:flags=bilinear,format=rgb24,pad=416:416:0:91:color=0x727272',
    );
    // A portrait source pads left and right instead.
    expect(fitFilter(format('letterbox-center', 640, 640), { width: 720, height: 1280 })).toContain('scale=360:640:');
    expect(fitFilter(format('letterbox-center', 640, 640), { width: 720, height: 1280 })).toContain('pad=640:640:140:0:');
  });

  it('stretches to the full format without padding', () => {
    expect(fitFilter(format('stretch', 640, 480), source)).toBe('scale=640:480:flags=bilinear,format=rgb24');
  });

  it('writes the pad colour as hex RGB', () => {
    expect(fitFilter({ ...format('letterbox-top-left'), padRgb: [0, 128, 255] }, source)).toMatch(/color=0x0080ff$/);
  });
});

describe('choosing keyframes-only or every frame', () => {
  it.each([
    [0.5, 'keyframes'],
    [1.001, 'keyframes'],
    [2.002, 'keyframes'],
    [2.5, 'all-frames'],
    [8.34, 'all-frames'],
    [null, 'all-frames'],
    [0, 'all-frames'],
  ] as const)('keyframe interval %p s -> %s', (interval, mode) => {
    expect(decodeModeFor(interval)).toBe(mode);
  });

  it('keyframe mode skips non-key pictures in the decoder (before -i) and caps the rate with select', () => {
    const args = ffmpegFrameArgs(HLS, plan('letterbox-top-left', 'keyframes'), { ioTimeoutMs: 5000 });
    expect(valueOf(args, '-skip_frame')).toBe('nokey');
    expect(args.indexOf('-skip_frame')).toBeLessThan(args.indexOf('-i'));
    expect(valueOf(args, '-threads')).toBe('1');
    const filter = valueOf(args, '-vf')!;
    expect(filter.startsWith("select='isnan(prev_selected_t)+gte(t-prev_selected_t,0.9)+lt(t,prev_selected_t)',scale=")).toBe(true);
    expect(filter).not.toContain('fps=');
  });

  it('fps mode decodes every picture others refer to and samples one a second before scaling', () => {
    const args = ffmpegFrameArgs(HLS, plan('letterbox-center'), { ioTimeoutMs: 5000 });
    expect(valueOf(args, '-skip_frame')).toBe('noref');
    expect(args.indexOf('-skip_frame')).toBeLessThan(args.indexOf('-i'));
    expect(valueOf(args, '-vf')).toBe(`fps=1,${fitFilter(format('letterbox-center'), source)}`);
  });
});

describe('the ffmpeg command line', () => {
  it('reads HTTP HLS with reconnects, an I/O timeout in microseconds, from the newest segment, at its own pace', () => {
    const args = ffmpegFrameArgs(HLS, plan('stretch'), { ioTimeoutMs: 5000 });
    expect(valueOf(args, '-reconnect')).toBe('1');
    expect(valueOf(args, '-reconnect_streamed')).toBe('1');
    expect(valueOf(args, '-reconnect_delay_max')).toBe('2');
    expect(valueOf(args, '-rw_timeout')).toBe('5000000');
    expect(valueOf(args, '-live_start_index')).toBe('-1');
    expect(args).toContain('-re');
    expect(args).not.toContain('-fflags');
    for (const option of ['-reconnect', '-rw_timeout', '-live_start_index', '-re']) expect(args.indexOf(option)).toBeLessThan(args.indexOf('-i'));
    expect(valueOf(args, '-i')).toBe(HLS);
  });

  it('adds HTTP and HLS options only where they apply', () => {
    const args = ffmpegFrameArgs('rtsp://10.0.0.5/live', plan('stretch'), { ioTimeoutMs: 3000 });
    expect(args).not.toContain('-reconnect');
    expect(args).not.toContain('-live_start_index');
    expect(valueOf(args, '-rw_timeout')).toBe('3000000');
    expect(isHlsUrl('https://h/cam_1/index.m3u8')).toBe(true);
    expect(isHlsUrl('https://h/cam_1/index.m3u8?token=a.m3u8x')).toBe(true);
    expect(isHlsUrl('https://h/cam_1/stream?x=index.m3u8')).toBe(false);
  });

  it('writes raw RGB24 to stdout, only the first video stream, one output picture per filtered picture', () => {
    const args = ffmpegFrameArgs(HLS, plan('letterbox-center', 'keyframes'), { ioTimeoutMs: 5000 });
    expect(args.slice(-5)).toEqual(['-pix_fmt', 'rgb24', '-f', 'rawvideo', 'pipe:1']);
    expect(valueOf(args, '-map')).toBe('0:v:0');
    expect(args).toEqual(expect.arrayContaining(['-an', '-sn', '-dn', '-nostdin']));
    expect(valueOf(args, '-fps_mode')).toBe('passthrough');
  });
});
