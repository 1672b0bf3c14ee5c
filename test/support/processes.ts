import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningProcess {
  child: ChildProcess;
  output(): string;
  /** JSON log lines printed so far. */
  logLines(): Record<string, unknown>[];
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

export interface ProcessSpec {
  /**
   * A built entry under dist/ (the real app), a test harness run with ts-node, or the same harness
   * compiled into dist-harness/ (`npm run build:harness`; benchmarks use it, so no compiler sits in memory).
   */
  entry: { dist: string } | { ts: string } | { harness: string };
  env: Record<string, string>;
  args?: string[];
}

/** Starts a Saler process with only the given environment (plus PATH), as a deployment would. */
export function startProcess(spec: ProcessSpec): RunningProcess {
  const { entry } = spec;
  const args =
    'dist' in entry
      ? [join(ROOT, 'dist', entry.dist)]
      : 'harness' in entry
        ? [join(ROOT, 'dist-harness', entry.harness)]
        : ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, entry.ts)];
  const child = spawn(process.execPath, [...args, ...(spec.args ?? [])], {
    cwd: ROOT,
    // Suites and benchmarks send far more requests than a person; rate limits (and the demo tenant) are tested on purpose only.
    env: { PATH: process.env.PATH ?? '', TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_AUTH_PER_MINUTE: '1000000', DEMO_TENANT: 'false', ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => output,
    logLines: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Resolves when `url` answers 200; fails with the process output if it exits or takes too long. */
export async function waitForReady(proc: RunningProcess, url: string, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`Process exited with ${proc.child.exitCode} before it was ready:\n${proc.output()}`);
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Not ready within ${timeoutMs} ms (${url}):\n${proc.output()}`);
}

export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not reached in time; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
