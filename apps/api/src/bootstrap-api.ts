import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppConfig, configureHttpApp, createHttpAdapter, exitGracefullyOnSignals } from '@saler/platform';
import { ApiModule, ApiModuleOptions } from './api.module';

/** Builds, configures and starts the api. Test harnesses call it with extra modules. */
export async function bootstrapApi(config: AppConfig, options: ApiModuleOptions = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.register(config, options), createHttpAdapter(config), {
    // Silent until pino takes over: a failed start prints only runMain's one line.
    logger: false,
    abortOnError: false,
    // Webhook signatures cover the exact bytes: JSON requests keep them as request.rawBody.
    rawBody: true,
  });
  app.useLogger(app.get(Logger));
  await configureHttpApp(app, config);
  exitGracefullyOnSignals(() => app.close(), config.worker.shutdownTimeoutMs);
  await app.listen({ port: config.http.port, host: config.http.host });
  app.get(Logger).log(`Saler api listening on http://${config.http.host}:${config.http.port} (${config.database.driver}, ${config.queue.driver} queue)`);
  return app;
}
