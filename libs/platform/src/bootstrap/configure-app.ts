import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { requestContextMiddleware } from '../request-context/request-context';
import { createValidationPipe } from '../validation/validation.pipe';

export interface ConfigureAppOptions {
  /** Route prefix of the app's own API, e.g. `api` or `api/streaming`. */
  globalPrefix: string;
  title: string;
  description: string;
  /** Where the OpenAPI UI is served, e.g. `api/docs`. */
  docsPath: string;
}

const UNPREFIXED = [
  { path: 'health', method: RequestMethod.GET },
  { path: 'health/ready', method: RequestMethod.GET },
  { path: 'api/health', method: RequestMethod.GET },
  { path: 'api/health/ready', method: RequestMethod.GET },
  { path: 'metrics', method: RequestMethod.GET },
];

/** Everything every service sets up the same way: logs, errors, validation, prefix, OpenAPI. */
export function configureApp(app: INestApplication, options: ConfigureAppOptions): void {
  const expressApp = app as NestExpressApplication;
  expressApp.set('trust proxy', 'loopback, uniquelocal');
  expressApp.disable('x-powered-by');
  expressApp.useBodyParser('json', { limit: '256kb' });
  app.use(requestContextMiddleware);
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.setGlobalPrefix(options.globalPrefix, { exclude: UNPREFIXED });
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Access token from POST /api/auth/login' }, 'bearer')
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'Integrator API key created by an admin' }, 'api-key')
      .build(),
  );
  SwaggerModule.setup(options.docsPath, app, document, { jsonDocumentUrl: `${options.docsPath}/openapi.json` });
}
