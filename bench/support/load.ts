import autocannon from 'autocannon';
import { Stack } from './stack';

export interface LoadStep {
  name: string;
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: unknown;
  /** A body per request (n counts from 0 across warm-up and measurement), e.g. to make each POST unique. Replaces `body`. */
  bodyFor?: (n: number) => unknown;
  /** A path, headers and/or body per request (n as for bodyFor), e.g. to rotate queries and tenants' tokens. Replaces bodyFor. */
  requestFor?: (n: number) => { path?: string; headers?: Record<string, string>; body?: unknown };
}

export interface StepResult {
  step: string;
  requestsPerSecond: number;
  p50Ms: number;
  /** autocannon reports no p95; p97.5 is its nearest percentile above it. */
  p97_5Ms: number;
  p99Ms: number;
  /** Transport errors + timeouts + non-2xx answers. */
  errors: number;
  /** Answers outside 2xx (part of `errors`). */
  non2xx: number;
  /** api CPU time per answered request: comparable across runs even when other work shares the machine. */
  apiCpuMsPerRequest: number;
  apiRssMb: number;
}

/** What a scenario may return instead of bare rows: named figures (seeding time, ratios, import rate) printed under the table. */
export interface ScenarioReport {
  rows: StepResult[];
  figures: Record<string, string | number | null>;
}

/** What a scenario starts before the api and worker, which must reach it (e.g. a stub of the platforms' send APIs); closed after the scenario. */
export interface ScenarioFixture {
  /** Extra environment for the api and worker, added to the scenario's `env`. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export const LOAD = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 64),
  durationSeconds: Number(process.env.BENCH_DURATION ?? 10),
  warmupSeconds: 2,
};

/** Warms up, then drives one route with autocannon; errors count transport errors, timeouts and non-2xx answers. */
export async function drive(stack: Stack, step: LoadStep): Promise<StepResult> {
  const bodyFor = step.bodyFor;
  const requestFor = step.requestFor;
  let sent = 0;
  const setup = (request: Record<string, unknown>): Record<string, unknown> => {
    if (requestFor === undefined) return { ...request, body: JSON.stringify(bodyFor?.(sent++)) };
    const next = requestFor(sent++);
    return {
      ...request,
      ...(next.path === undefined ? {} : { path: next.path }),
      ...(next.headers === undefined ? {} : { headers: { ...(request.headers as Record<string, string>), ...next.headers } }),
      ...(next.body === undefined ? {} : { body: JSON.stringify(next.body) }),
    };
  };
  const options = {
    url: `${stack.base}${step.path}`,
    method: step.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...step.headers },
    body: step.body === undefined ? undefined : JSON.stringify(step.body),
    connections: LOAD.connections,
    ...(bodyFor === undefined && requestFor === undefined ? {} : { requests: [{ setupRequest: setup }] }),
  };
  await autocannon({ ...options, duration: LOAD.warmupSeconds });
  stack.resetRss();
  const cpuBefore = stack.apiCpuSeconds();
  const result = await autocannon({ ...options, duration: LOAD.durationSeconds });
  const cpuSeconds = stack.apiCpuSeconds() - cpuBefore;
  return {
    step: step.name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p97_5Ms: result.latency.p97_5,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    non2xx: result.non2xx,
    apiCpuMsPerRequest: result.requests.total > 0 ? Math.round((cpuSeconds * 10_000) / result.requests.total) / 10 : 0,
    apiRssMb: Math.round(stack.peakApiRssMb()),
  };
}
