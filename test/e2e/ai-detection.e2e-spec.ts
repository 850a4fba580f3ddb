import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ApiHarness, startApi } from '../support/api-harness';
import { AiHarness, startAi } from '../support/ai-harness';
import { freePort } from '../support/built-service';
import { EventCollector } from '../support/event-collector';
import { fileTestCameraUrl } from '../support/file-test-camera';
import { eventually, startStreaming, StreamingHarness } from '../support/streaming-harness';

interface StoredDetection {
  camera_id: string;
  class: string;
  confidence: number;
  track_id: number;
  snapshot_path: string | null;
}

/** The street clip looped as a live camera, through streaming and the real model, to stored detections and events. */
describe('AI detection on live cameras (e2e)', () => {
  let api: ApiHarness;
  let streaming: StreamingHarness;
  let ai: AiHarness;
  let events: EventCollector;
  let admin: string;

  const createCamera = async (body: Record<string, unknown>) =>
    (await api.http.post('/api/cameras').set('Authorization', `Bearer ${admin}`)
      .send({ name: `ai cam ${randomUUID().slice(0, 8)}`, sourceUrl: fileTestCameraUrl(), ...body }).expect(201)).body as { id: string };
  const detectionsOf = (cameraId: string) =>
    api.db.query<StoredDetection>('SELECT camera_id, class, confidence, track_id, snapshot_path FROM ai.detections WHERE camera_id = $1', [cameraId]);

  beforeAll(async () => {
    const streamingPort = await freePort();
    api = await startApi({ STREAMING_URL: `http://127.0.0.1:${streamingPort}` });
    streaming = await startStreaming(api.env, api.baseUrl, { port: streamingPort });
    ai = await startAi(api.env, api.baseUrl, streaming.hlsBaseUrl);
    events = new EventCollector({ amqpUrl: api.env.RABBITMQ_URL, databaseUrl: api.db.url, queue: 'test.detections', routingKeys: ['detection.created'] });
    await events.start();
    admin = await api.login();
  });

  afterAll(async () => {
    await events?.stop();
    await ai?.close();
    await streaming?.close();
    await api?.close();
  });

  it('detects cars and people on the street camera, stores them with snapshots and publishes detection.created', async () => {
    const camera = await createCamera({ ai: { enabled: true, classes: ['person', 'car', 'truck', 'bus', 'motorcycle', 'bicycle'], minConfidence: 0.4 } });
    const stored = await eventually(async () => {
      const rows = await detectionsOf(camera.id);
      const classes = new Set(rows.map((row) => row.class));
      return classes.has('car') && classes.has('person') ? rows : null;
    }, 90000, 'car and person detected');
    expect(stored.every((row) => row.confidence >= 0.4)).toBe(true);
    const withSnapshot = stored.find((row) => row.snapshot_path);
    expect(withSnapshot).toBeDefined();
    expect(existsSync(path.join(ai.mediaRoot, withSnapshot!.snapshot_path!))).toBe(true);

    await eventually(async () => events.handled.some((event) => (event.data as { cameraId: string }).cameraId === camera.id), 20000, 'detection.created received');
    const event = events.handled.find((entry) => (entry.data as { cameraId: string }).cameraId === camera.id)!;
    expect(event.type).toBe('detection.created');
    expect(event.data).toMatchObject({ cameraId: camera.id, snapshotUrl: expect.stringMatching(/^\/media\/snapshots\//) });
    const first = (event.data as { detections: { bbox: number[]; trackId: number }[] }).detections[0];
    expect(first.bbox).toHaveLength(4);
    expect(first.bbox.every((value) => value >= 0 && value <= 1)).toBe(true);

    // A tracked object is one event, not one per second: far fewer rows than frames inferred.
    const rows = await detectionsOf(camera.id);
    const perTrack = new Map<number, number>();
    for (const row of rows) perTrack.set(row.track_id, (perTrack.get(row.track_id) ?? 0) + 1);
    expect(Math.max(...perTrack.values())).toBeLessThanOrEqual(3);

    const latest = await ai.http.get(`/api/ai/cameras/${camera.id}/latest`).set('Authorization', `Bearer ${admin}`);
    expect(latest.status).toBe(200);
    expect(latest.body.cameraId).toBe(camera.id);
  });

  it('a camera whose region of interest covers an empty corner produces no detections', async () => {
    const camera = await createCamera({ ai: { enabled: true, classes: [], minConfidence: 0.3, roi: [[[0, 0], [0.08, 0], [0.08, 0.08], [0, 0.08]]] } });
    await eventually(async () => (await ai.http.get("/metrics")).text.includes(`vms_ai_frames_inferred_total{camera="${camera.id}"}`), 60000, "frames inferred for the ROI camera");
    await new Promise((resolve) => setTimeout(resolve, 8000));
    expect(await detectionsOf(camera.id)).toHaveLength(0);
  });

  it('turning AI off stops the camera\'s decoder', async () => {
    const camera = await createCamera({ ai: { enabled: true } });
    await eventually(async () => (await ai.http.get('/metrics')).text.includes(`vms_ai_frames_inferred_total{camera="${camera.id}"}`), 60000, 'camera inferred');
    await api.http.patch(`/api/cameras/${camera.id}`).set('Authorization', `Bearer ${admin}`).send({ ai: { enabled: false } }).expect(200);
    await eventually(async () => {
      const status = await ai.http.get('/api/ai/status').set('Authorization', `Bearer ${admin}`);
      return status.status === 200 && !status.body.cameras.some((entry: { cameraId: string }) => entry.cameraId === camera.id);
    }, 30000, 'decoder stopped');
  });

  it('a failing stream backs off without disturbing the others', async () => {
    const broken = await createCamera({ sourceUrl: `rtsp://127.0.0.1:${await freePort()}/nothing`, ai: { enabled: true } });
    const healthy = await createCamera({ ai: { enabled: true, classes: ['car'], minConfidence: 0.4 } });
    await eventually(async () => {
      const status = await ai.http.get('/api/ai/status').set('Authorization', `Bearer ${admin}`);
      const entry = status.body.cameras?.find((camera: { cameraId: string }) => camera.cameraId === broken.id);
      return entry && ['backoff', 'stalled'].includes(entry.state) ? entry : null;
    }, 60000, 'broken camera in backoff');
    await eventually(async () => (await detectionsOf(healthy.id)).length > 0, 90000, 'healthy camera still detected');
  });

  it('without a model the service stays up and reports degraded with the reason', async () => {
    const degraded = await startAi(api.env, api.baseUrl, streaming.hlsBaseUrl, {
      AI_MODEL: 'not-downloaded',
      AI_MODEL_CONFIG: JSON.stringify([{ name: 'not-downloaded', version: '1', family: 'yolox', path: 'not-downloaded-yolox.onnx' }]),
    });
    try {
      // Readiness is 200 once PostgreSQL, Redis and RabbitMQ answer; the missing model only degrades it.
      const ready = await eventually(async () => {
        const response = await degraded.http.get('/health/ready');
        return response.status === 200 ? response : null;
      }, 20000, 'degraded service ready');
      expect(ready.body.status).toBe('degraded');
      expect(JSON.stringify(ready.body.info.model)).toMatch(/not-downloaded-yolox\.onnx/);
      const status = await degraded.http.get('/api/ai/status').set('Authorization', `Bearer ${admin}`);
      expect(status.body.model.state).toBe('degraded');
      expect((await degraded.http.get('/health')).status).toBe(200);
    } finally {
      await degraded.close();
    }
  });
});
