import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { IncomingMessage } from 'node:http';
import { currentRequestId } from '../request-context/request-context';

/** Field paths whose values never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.credentials',
  '*.refreshToken',
  '*.accessToken',
  '*.apiKey',
];

export interface PlatformLoggerOptions {
  service: string;
  level: string;
  destination?: DestinationStream;
}

/** Structured JSON logs (pino) carrying the request id. */
@Module({})
export class PlatformLoggerModule {
  static forRoot(options: PlatformLoggerOptions): DynamicModule {
    return {
      module: PlatformLoggerModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: [
            {
              level: options.level,
              base: { service: options.service },
              redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
              genReqId: (request: IncomingMessage) => (request as IncomingMessage & { id?: string }).id ?? 'unknown',
              mixin: () => {
                const requestId = currentRequestId();
                return requestId ? { requestId } : {};
              },
              autoLogging: { ignore: (request: IncomingMessage) => /^\/(health|metrics)/.test(request.url ?? '') },
              serializers: {
                req: (request: { id: string; method: string; url: string }) => ({
                  id: request.id,
                  method: request.method,
                  url: request.url?.split('?')[0],
                }),
              },
            },
            ...(options.destination ? [options.destination] : []),
          ] as never,
        }),
      ],
    };
  }
}
