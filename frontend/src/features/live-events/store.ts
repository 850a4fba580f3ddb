import { createStore } from 'zustand/vanilla';
import type {
  CameraBoxes,
  CameraLiveStatus,
  CameraStatusChanged,
  DetectionBoxes,
  DetectionCreated,
  LiveConnection,
  RecentDetection,
} from './types';

/** How many detected objects the live list keeps, all cameras together. */
export const MAX_RECENT_DETECTIONS = 200;

export interface LiveEventsData {
  connection: LiveConnection;
  /** Per camera, so an update for one camera leaves every other camera's entry as it was. */
  boxes: Record<string, CameraBoxes>;
  statuses: Record<string, CameraLiveStatus>;
  /** Newest first, capped at MAX_RECENT_DETECTIONS. */
  recent: RecentDetection[];
}

export interface LiveEventsState extends LiveEventsData {
  receiveBoxes: (frame: DetectionBoxes, now?: number) => void;
  receiveStatus: (status: CameraStatusChanged, now?: number) => void;
  receiveDetection: (event: DetectionCreated, now?: number) => void;
  setConnection: (connection: LiveConnection) => void;
  reset: () => void;
}

export const initialLiveEventsData: LiveEventsData = {
  connection: { state: 'idle', retryAt: null, attempt: 0 },
  boxes: {},
  statuses: {},
  recent: [],
};

/** Pure state transitions; each returns the state unchanged (same reference) when nothing changes. */
export const liveEventsReducers = {
  boxes(state: LiveEventsData, frame: DetectionBoxes, now: number): LiveEventsData {
    const current = state.boxes[frame.cameraId];
    // Frames can overtake each other (first paint over HTTP vs. the socket): keep the newest.
    if (current && Date.parse(current.frame.timestamp) > Date.parse(frame.timestamp)) return state;
    return { ...state, boxes: { ...state.boxes, [frame.cameraId]: { frame, receivedAt: now } } };
  },

  status(state: LiveEventsData, status: CameraStatusChanged, now: number): LiveEventsData {
    const current = state.statuses[status.cameraId];
    if (current?.observedAt && status.observedAt && Date.parse(current.observedAt) > Date.parse(status.observedAt)) return state;
    return { ...state, statuses: { ...state.statuses, [status.cameraId]: { ...status, receivedAt: now } } };
  },

  detection(state: LiveEventsData, event: DetectionCreated, now: number): LiveEventsData {
    const known = new Set(state.recent.map((row) => row.id));
    const rows: RecentDetection[] = [];
    event.detections.forEach((object, index) => {
      const id = event.detectionIds?.[index] ?? `${event.frameId}#${object.trackId}`;
      if (known.has(id)) return;
      known.add(id);
      rows.push({
        id,
        cameraId: event.cameraId,
        class: object.class,
        confidence: object.confidence,
        bbox: object.bbox,
        trackId: object.trackId,
        reason: object.reason,
        timestamp: event.timestamp,
        snapshotUrl: event.snapshotUrl ?? null,
        receivedAt: now,
      });
    });
    if (rows.length === 0) return state;
    return { ...state, recent: [...rows, ...state.recent].slice(0, MAX_RECENT_DETECTIONS) };
  },
};

export type LiveEventsStore = ReturnType<typeof createLiveEventsStore>;

/** A vanilla store (outside React): the socket writes to it, components read narrow slices. */
export function createLiveEventsStore() {
  return createStore<LiveEventsState>()((set) => ({
    ...initialLiveEventsData,
    receiveBoxes: (frame, now = Date.now()) => set((state) => liveEventsReducers.boxes(state, frame, now)),
    receiveStatus: (status, now = Date.now()) => set((state) => liveEventsReducers.status(state, status, now)),
    receiveDetection: (event, now = Date.now()) => set((state) => liveEventsReducers.detection(state, event, now)),
    setConnection: (connection) =>
      set((state) =>
        state.connection.state === connection.state &&
        state.connection.retryAt === connection.retryAt &&
        state.connection.attempt === connection.attempt
          ? state
          : { connection },
      ),
    reset: () => set(initialLiveEventsData),
  }));
}

/** The app's live events. */
export const liveEventsStore = createLiveEventsStore();

export const liveEventsSelectors = {
  connection: (s: LiveEventsState) => s.connection,
  connectionState: (s: LiveEventsState) => s.connection.state,
  boxes: (cameraId: string) => (s: LiveEventsState) => s.boxes[cameraId],
  status: (cameraId: string) => (s: LiveEventsState) => s.statuses[cameraId],
  recent: (s: LiveEventsState) => s.recent,
};
