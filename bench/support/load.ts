import autocannon from 'autocannon';
import { Stack } from './stack';

export interface LoadStep {
  name: string;
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: unknown;
}

export interface StepResult {
  step: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  apiRssMb: number;
}

export const LOAD = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 64),
  durationSeconds: Number(process.env.BENCH_DURATION ?? 10),
  warmupSeconds: 2,
};

/** Warms up, then drives one route with autocannon; errors count transport errors, timeouts and non-2xx answers. */
export async function drive(stack: Stack, step: LoadStep): Promise<StepResult> {
  const options = {
    url: `${stack.base}${step.path}`,
    method: step.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...step.headers },
    body: step.body === undefined ? undefined : JSON.stringify(step.body),
    connections: LOAD.connections,
  };
  await autocannon({ ...options, duration: LOAD.warmupSeconds });
  stack.resetRss();
  const result = await autocannon({ ...options, duration: LOAD.durationSeconds });
  return {
    step: step.name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    apiRssMb: Math.round(stack.peakApiRssMb()),
  };
}
