import { Global, Module, OnModuleInit } from '@nestjs/common';
import {
  makeCounterProvider,
  makeGaugeProvider,
  makeHistogramProvider,
  PrometheusModule,
} from '@willsoto/nestjs-prometheus';
import { register, type Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import { APP_DATA_SOURCE, SYSTEM_DATA_SOURCE } from '../database/database.tokens';
import { QUEUES } from '../queue/queue.constants';
import { QUEUE_DRIVER, QueueDriver } from '../queue/queue-driver';
import { METRICS } from './metric-names';
import { MetricsController } from './metrics.controller';

interface PgPoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

function poolOf(dataSource: DataSource): PgPoolStats | undefined {
  if (dataSource.options.type !== 'postgres' || !dataSource.isInitialized) return undefined;
  return (dataSource.driver as unknown as { master?: PgPoolStats }).master;
}

const metricProviders = [
    makeHistogramProvider({
      name: METRICS.HTTP_DURATION,
      help: 'HTTP request duration by route template, method and status',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
    makeGaugeProvider({
      name: METRICS.DB_POOL,
      help: 'PostgreSQL pool connections by pool and state',
      labelNames: ['pool', 'state'],
      inject: [APP_DATA_SOURCE, SYSTEM_DATA_SOURCE],
      collect(this: Gauge, app: DataSource, system: DataSource) {
        for (const [name, dataSource] of [
          ['app', app],
          ['system', system],
        ] as const) {
          const pool = poolOf(dataSource);
          if (pool === undefined) continue;
          this.set({ pool: name, state: 'total' }, pool.totalCount);
          this.set({ pool: name, state: 'idle' }, pool.idleCount);
          this.set({ pool: name, state: 'waiting' }, pool.waitingCount);
        }
      },
    }),
    makeCounterProvider({
      name: METRICS.JOBS_TOTAL,
      help: 'Jobs processed by queue, job name and outcome (completed, retried, failed)',
      labelNames: ['queue', 'name', 'outcome'],
    }),
    makeHistogramProvider({
      name: METRICS.JOB_DURATION,
      help: 'Job processing duration by queue and job name',
      labelNames: ['queue', 'name'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    }),
    makeGaugeProvider({
      name: METRICS.QUEUE_DEPTH,
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'],
      inject: [QUEUE_DRIVER],
      async collect(this: Gauge, driver: QueueDriver) {
        for (const queue of Object.values(QUEUES)) {
          const counts = await driver.counts(queue).catch(() => undefined);
          if (counts === undefined) continue;
          for (const [state, value] of Object.entries(counts)) this.set({ queue, state }, value);
        }
      },
    }),
    makeCounterProvider({
      name: METRICS.OUTBOX_RELAYED,
      help: 'Domain events relayed from the outbox to the queue',
    }),
];

/** Prometheus metrics shared by the api and the worker: HTTP, DB pool, queues, outbox. */
@Global()
@Module({
  imports: [PrometheusModule.register({ path: '/metrics', controller: MetricsController, defaultMetrics: { enabled: true } })],
  providers: metricProviders,
  exports: [PrometheusModule, ...metricProviders],
})
export class MetricsModule implements OnModuleInit {
  /**
   * prom-client's defaults include three gauges named like counters (`*_total`), which
   * `promtool check metrics` rejects; their correctly named twins (without `_total`) stay.
   */
  onModuleInit(): void {
    for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']) register.removeSingleMetric(name);
  }
}
