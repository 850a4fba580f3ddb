/** How the source image is fitted into the model's input: letterboxed into a corner or the centre, or stretched. */
export type FitMode = 'letterbox-top-left' | 'letterbox-center' | 'stretch';

/** The pixel layout a model wants its frames in; ffmpeg produces exactly this. */
export interface FrameFormat {
  width: number;
  height: number;
  fit: FitMode;
  /** Padding colour for letterboxing, RGB. */
  padRgb: [number, number, number];
}

/** Where the source picture lies inside the frame (the rest is padding), in frame pixels. */
export interface ContentRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One decoded picture, already scaled (and padded) to the model's input size, RGB24, row-major. */
export interface Frame {
  cameraId: string;
  /** When the picture was decoded (ms since epoch); its age at inference is the camera's lag. */
  capturedAt: number;
  rgb: Buffer;
  format: FrameFormat;
  source: { width: number; height: number };
  content: ContentRect;
}

/** The rectangle the source occupies once fitted into the format (pure geometry, shared by ffmpeg filters and box decoding). */
export function contentRectOf(format: FrameFormat, sourceWidth: number, sourceHeight: number): ContentRect {
  if (format.fit === 'stretch') return { x: 0, y: 0, width: format.width, height: format.height };
  const scale = Math.min(format.width / sourceWidth, format.height / sourceHeight);
  const width = Math.max(1, Math.round(sourceWidth * scale));
  const height = Math.max(1, Math.round(sourceHeight * scale));
  if (format.fit === 'letterbox-top-left') return { x: 0, y: 0, width, height };
  return { x: Math.floor((format.width - width) / 2), y: Math.floor((format.height - height) / 2), width, height };
}

/** Bytes of one RGB24 frame in this format (what ffmpeg writes per picture). */
export function frameByteLength(format: FrameFormat): number {
  return format.width * format.height * 3;
}
