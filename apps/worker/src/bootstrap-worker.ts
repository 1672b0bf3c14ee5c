import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfig, exitGracefullyOnSignals, Readiness } from '@saler/platform';
import { startOpsServer } from './ops-server';
import { WorkerModule, WorkerModuleOptions } from './worker.module';

/** Builds and starts the worker: processors, relay, and the ops server (metrics, health). */
export async function bootstrapWorker(config: AppConfig, options: WorkerModuleOptions = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config, options), { logger: false, abortOnError: false });
  app.useLogger(app.get(Logger));
  await app.init();
  const ops = await startOpsServer(app.get(Readiness), config.worker.metricsPort, config.http.host);
  exitGracefullyOnSignals(async () => {
    ops.close();
    await app.close();
  }, config.worker.shutdownTimeoutMs);
  app.get(Logger).log(`Saler worker running (${config.database.driver}, ${config.queue.driver} queue); metrics on :${config.worker.metricsPort}`);
  return app;
}
