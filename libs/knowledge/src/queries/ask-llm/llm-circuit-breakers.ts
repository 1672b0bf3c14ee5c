import { Injectable, OnModuleDestroy } from '@nestjs/common';
import CircuitBreaker from 'opossum';

export const FAILURES_TO_OPEN = 5;
export const OPEN_FOR_MS = 30_000;

/** What opossum rejects a call with while the circuit is open. */
export const isCircuitOpen = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'EOPENBREAKER';

type Call = () => Promise<string>;

/**
 * One circuit breaker per key (tenant + provider URL), so a provider that is down is not asked again
 * and again while every customer waits for the timeout. opossum keeps the states: after
 * FAILURES_TO_OPEN consecutive failures the circuit opens and calls are refused without running for
 * OPEN_FOR_MS; then it is half-open: one trial call closes it on success or opens it again. opossum
 * trips on an error percentage over a time window instead, which would not count slow timeouts in a
 * row, so the consecutive failures are counted here and its own threshold is never reached. State
 * is per process (the api and the worker each have theirs).
 */
@Injectable()
export class LlmCircuitBreakers implements OnModuleDestroy {
  private readonly breakers = new Map<string, CircuitBreaker<[Call], string>>();

  run(key: string, call: Call): Promise<string> {
    return this.breakerFor(key).fire(call);
  }

  onModuleDestroy(): void {
    for (const breaker of this.breakers.values()) breaker.shutdown();
    this.breakers.clear();
  }

  private breakerFor(key: string): CircuitBreaker<[Call], string> {
    const existing = this.breakers.get(key);
    if (existing !== undefined) return existing;
    // The call has its own timeout (it aborts the request), so opossum's is off.
    const breaker = new CircuitBreaker<[Call], string>((call) => call(), {
      name: key,
      timeout: false,
      resetTimeout: OPEN_FOR_MS,
      errorThresholdPercentage: 100,
      enableSnapshots: false,
      rollingPercentilesEnabled: false,
    });
    let failures = 0;
    breaker.on('success', () => (failures = 0));
    breaker.on('failure', () => {
      failures += 1;
      if (failures >= FAILURES_TO_OPEN) breaker.open();
    });
    this.breakers.set(key, breaker);
    return breaker;
  }
}
