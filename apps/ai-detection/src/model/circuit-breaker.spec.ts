import { CircuitBreaker } from './circuit-breaker';
import { CircuitOpenError } from './model.errors';

describe('CircuitBreaker', () => {
  let now: number;
  let breaker: CircuitBreaker;
  const fail = () => Promise.reject(new Error('run failed'));
  const succeed = () => Promise.resolve('ok');

  beforeEach(() => {
    now = 1_000_000;
    breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 30_000, now: () => now });
  });

  it('opens after K consecutive failures and refuses calls without making them', async () => {
    for (let i = 0; i < 2; i++) await expect(breaker.run(fail)).rejects.toThrow('run failed');
    expect(breaker.state).toBe('closed');
    await expect(breaker.run(fail)).rejects.toThrow('run failed');
    expect(breaker.state).toBe('open');
    const call = jest.fn(succeed);
    const refused = await breaker.run(call).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CircuitOpenError);
    expect(refused).toMatchObject({ code: 'MODEL.CIRCUIT_OPEN', retryAt: 1_030_000, consecutiveFailures: 3 });
    expect(call).not.toHaveBeenCalled();
  });

  it('a success resets the failure count', async () => {
    await expect(breaker.run(fail)).rejects.toThrow();
    await expect(breaker.run(fail)).rejects.toThrow();
    await expect(breaker.run(succeed)).resolves.toBe('ok');
    await expect(breaker.run(fail)).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });

  it('half-opens after the cool-down: one trial at a time, success closes it', async () => {
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow();
    now += 29_999;
    expect(breaker.state).toBe('open');
    now += 1;
    expect(breaker.state).toBe('half-open');
    let release!: (value: string) => void;
    const trial = breaker.run(() => new Promise<string>((resolve) => { release = resolve; }));
    await expect(breaker.run(succeed)).rejects.toBeInstanceOf(CircuitOpenError);
    release('trial ok');
    await expect(trial).resolves.toBe('trial ok');
    expect(breaker.state).toBe('closed');
    await expect(breaker.run(succeed)).resolves.toBe('ok');
  });

  it('a failed trial re-opens it for another cool-down', async () => {
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow();
    now += 30_000;
    await expect(breaker.run(fail)).rejects.toThrow('run failed');
    expect(breaker.state).toBe('open');
    await expect(breaker.run(succeed)).rejects.toBeInstanceOf(CircuitOpenError);
    now += 30_000;
    await expect(breaker.run(succeed)).resolves.toBe('ok');
  });
});
