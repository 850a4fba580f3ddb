import type { ChannelModel } from 'amqplib';

/** Polls `condition` every 100 ms until it holds; throws after `timeoutMs`. */
export async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 20000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Consumers attach in the background at boot; one is ready once it consumes its queue. */
export async function waitForQueueConsumer(connection: ChannelModel, queue: string): Promise<void> {
  await waitUntil(async () => {
    const check = await connection.createChannel();
    check.on('error', () => undefined);
    try {
      return (await check.checkQueue(queue)).consumerCount === 1;
    } catch {
      return false;
    } finally {
      await check.close().catch(() => undefined);
    }
  });
}
