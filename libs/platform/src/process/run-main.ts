import { StartupError } from '../database/startup-checks';

/** Runs a process entry point: a StartupError is printed as one line and exits 1; anything else too, with its stack. */
export function runMain(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    if (error instanceof StartupError) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`Fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}

/**
 * SIGTERM/SIGINT close the application (hooks wait for active jobs and requests) and exit 0;
 * if closing takes longer than `timeoutMs`, exit 1.
 */
export function exitGracefullyOnSignals(close: () => Promise<void>, timeoutMs: number): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`${signal} received: shutting down gracefully\n`);
    const timer = setTimeout(() => {
      process.stderr.write(`Shutdown did not finish within ${timeoutMs} ms\n`);
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Shutdown failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
