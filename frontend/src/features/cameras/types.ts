export type CameraStatus = 'provisioning' | 'online' | 'offline' | 'error';

/** `[x, y]`, both normalised to 0..1 of the picture's width and height. */
export type Point = [number, number];
export type Polygon = Point[];

export interface AiSettings {
  enabled: boolean;
  classes: string[];
  minConfidence: number;
  /** Regions of interest: a detection counts when its box's bottom-centre lies inside one. */
  roi: Polygon[];
}

/** A camera as `GET /api/cameras` returns it: the password never, the username masked. */
export interface Camera {
  id: string;
  name: string;
  description: string;
  sourceUrl: string;
  credentials: { username: string; password: string } | null;
  enabled: boolean;
  ai: AiSettings;
  status: CameraStatus;
  lastError: string | null;
  streamPath: string;
  hlsUrl: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface CameraCredentials {
  username: string;
  password: string;
}

export interface NewCamera {
  name: string;
  sourceUrl: string;
  credentials?: CameraCredentials | null;
  enabled: boolean;
  ai: AiSettings;
}

/** PATCH: omitted fields stay as they are; `credentials: null` removes them. */
export type CameraChanges = Partial<NewCamera>;

export interface SourceUnderTest {
  sourceUrl?: string;
  credentials?: CameraCredentials | null;
}

export type ConnectionTestResult =
  | { ok: true; video: { codec: string; width: number | null; height: number | null; fps?: number } }
  | { ok: false; reason: string; message: string };
