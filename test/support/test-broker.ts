import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BROKER = process.env.TEST_RABBITMQ_HOST ?? '127.0.0.1:5672';

export interface TestVhost {
  name: string;
  url: string;
  delete(): Promise<void>;
}

/** A RabbitMQ virtual host of its own for one test file (rabbitmqctl, as root on the test machine). */
export async function createTestVhost(): Promise<TestVhost> {
  const name = `vms-test-${randomBytes(5).toString('hex')}`;
  await run('rabbitmqctl', ['-q', 'add_vhost', name]);
  await run('rabbitmqctl', ['-q', 'set_permissions', '-p', name, 'guest', '.*', '.*', '.*']);
  return {
    name,
    url: `amqp://guest:guest@${BROKER}/${encodeURIComponent(name)}`,
    delete: async () => {
      await run('rabbitmqctl', ['-q', 'delete_vhost', name]);
    },
  };
}
