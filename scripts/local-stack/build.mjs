// Building the three NestJS apps and the frontend. --no-build only builds what is missing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { StackError, say } from './console-output.mjs';
import { logFileOf, paths, shown } from './paths.mjs';
import { logTail } from './log-tail.mjs';
import { describeExit } from './run-command.mjs';

const appMain = (app, file = 'main.js') => join(paths.repoRoot, 'dist', 'apps', app, 'apps', app, 'src', file);

export const builtFiles = {
  apiMain: appMain('api'),
  apiMigrate: appMain('api', 'migrate.js'),
  streamingMain: appMain('streaming'),
  aiDetectionMain: appMain('ai-detection'),
  frontendIndex: join(paths.frontendDist, 'index.html'),
};

const TARGETS = [
  { name: 'api', outputs: [builtFiles.apiMain, builtFiles.apiMigrate], command: 'npx', args: ['nest', 'build', 'api'] },
  { name: 'streaming', outputs: [builtFiles.streamingMain], command: 'npx', args: ['nest', 'build', 'streaming'] },
  { name: 'ai-detection', outputs: [builtFiles.aiDetectionMain], command: 'npx', args: ['nest', 'build', 'ai-detection'] },
  { name: 'frontend', outputs: [builtFiles.frontendIndex], command: 'npm', args: ['run', 'build:frontend'] },
];

/** @param {{ run: (name: string, spec: object) => Promise<object> }} supervisor */
export async function buildAll(supervisor, { rebuild }) {
  for (const target of TARGETS) {
    const present = target.outputs.every((file) => existsSync(file));
    if (present && !rebuild) {
      say(`build ${target.name}: skipped (--no-build, output present)`);
      continue;
    }
    const logName = `build-${target.name}`;
    const started = Date.now();
    say(`build ${target.name}: ${target.command} ${target.args.join(' ')} (log ${shown(logFileOf(logName))})`);
    const exit = await supervisor.run(logName, { command: target.command, args: target.args, env: process.env });
    if (exit.code !== 0) {
      throw new StackError(`build of ${target.name} failed (${describeExit(exit)})`, { details: logTail(logFileOf(logName)) });
    }
    const absent = target.outputs.filter((file) => !existsSync(file));
    if (absent.length) throw new StackError(`build of ${target.name} did not produce ${absent.map(shown).join(', ')}`);
    say(`build ${target.name}: done in ${Math.round((Date.now() - started) / 1000)} s`);
  }
}
