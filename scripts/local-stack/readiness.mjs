// Waiting until HTTP endpoints answer 200.
import { StackError } from './console-output.mjs';

const POLL_MS = 500;

async function answers200(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3000), redirect: 'manual' });
    await response.arrayBuffer();
    return { ok: response.status === 200, status: response.status };
  } catch (error) {
    return { ok: false, status: error.cause?.code ?? error.name };
  }
}

/**
 * Resolves when every URL of every service has answered 200 once; throws a StackError naming
 * the service and URL still failing at the deadline.
 * @param {{name: string, readyUrls: string[]}[]} services
 */
export async function waitUntilReady(services, deadline, onReady = () => {}) {
  const pending = new Map(services.map((service) => [service.name, [...service.readyUrls]]));
  const lastStatus = new Map();
  while (pending.size) {
    await Promise.all(
      [...pending].map(async ([name, urls]) => {
        const results = await Promise.all(urls.map(answers200));
        results.forEach((result, index) => lastStatus.set(urls[index], result.status));
        const left = urls.filter((_, index) => !results[index].ok);
        if (left.length) pending.set(name, left);
        else {
          pending.delete(name);
          onReady(name);
        }
      }),
    );
    if (!pending.size) return;
    if (Date.now() > deadline) {
      const [name, urls] = pending.entries().next().value;
      const failing = urls.map((url) => `${url} -> ${lastStatus.get(url)}`).join(', ');
      throw new StackError(`${name} did not become ready in time: ${failing}`, { service: name });
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
