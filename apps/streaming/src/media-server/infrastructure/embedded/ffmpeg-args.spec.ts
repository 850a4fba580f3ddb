import { encodeModeFor, ffmpegArgs, ffprobeArgs } from './ffmpeg-args';

const output = { directory: '/var/hls/cam_1', segmentSeconds: 2, playlistSize: 6 };
const rtsp = { url: 'rtsp://10.0.0.5/live', credentials: { username: 'u', password: 'secret' } };
const file = { url: 'file:///media/clip.mp4', credentials: null };

function valueOf(args: string[], option: string): string | undefined {
  const index = args.indexOf(option);
  return index === -1 ? undefined : args[index + 1];
}

describe('ffmpeg command lines', () => {
  it('remuxes H.264 with its AAC audio, and drops other audio', () => {
    const args = ffmpegArgs(rtsp, { videoCodec: 'h264', audioCodec: 'aac' }, output, 5000);
    expect(valueOf(args, '-c:v')).toBe('copy');
    expect(valueOf(args, '-c:a')).toBe('copy');
    const withoutAac = ffmpegArgs(rtsp, { videoCodec: 'h264', audioCodec: 'pcm_mulaw' }, output, 5000);
    expect(withoutAac).toContain('-an');
    expect(withoutAac).not.toContain('-c:a');
  });

  it('transcodes anything else to H.264 with keyframes on segment boundaries', () => {
    expect(encodeModeFor({ videoCodec: 'hevc', audioCodec: null })).toBe('transcode');
    const args = ffmpegArgs(file, { videoCodec: 'mjpeg', audioCodec: null }, output, 5000);
    expect(valueOf(args, '-c:v')).toBe('libx264');
    expect(valueOf(args, '-preset')).toBe('veryfast');
    expect(valueOf(args, '-tune')).toBe('zerolatency');
    expect(valueOf(args, '-force_key_frames')).toBe('expr:gte(t,n_forced*2)');
  });

  it('pulls RTSP over TCP with a socket timeout in microseconds and credentials in the URL', () => {
    const args = ffmpegArgs(rtsp, { videoCodec: 'h264', audioCodec: null }, output, 5000);
    expect(valueOf(args, '-rtsp_transport')).toBe('tcp');
    expect(valueOf(args, '-timeout')).toBe('5000000');
    expect(valueOf(args, '-i')).toBe('rtsp://u:secret@10.0.0.5/live');
  });

  it('loops a file in real time, but probes it once', () => {
    const args = ffmpegArgs(file, { videoCodec: 'h264', audioCodec: null }, output, 5000);
    expect(args.slice(args.indexOf('-re'), args.indexOf('-i') + 2)).toEqual(['-re', '-stream_loop', '-1', '-i', 'file:/media/clip.mp4']);
    const probe = ffprobeArgs(file, 5000);
    expect(probe).not.toContain('-re');
    expect(probe).not.toContain('-stream_loop');
  });

  it('writes a rolling live playlist of 2 s segments into the path directory', () => {
    const args = ffmpegArgs(rtsp, { videoCodec: 'h264', audioCodec: null }, output, 5000);
    expect(valueOf(args, '-hls_time')).toBe('2');
    expect(valueOf(args, '-hls_list_size')).toBe('6');
    expect(valueOf(args, '-hls_flags')).toBe('delete_segments+omit_endlist+independent_segments');
    expect(valueOf(args, '-hls_delete_threshold')).toBe('6');
    expect(valueOf(args, '-hls_segment_filename')).toBe('/var/hls/cam_1/s%d.ts');
    expect(args[args.length - 1]).toBe('/var/hls/cam_1/index.m3u8');
  });
});
