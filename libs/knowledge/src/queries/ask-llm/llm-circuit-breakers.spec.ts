import { FAILURES_TO_OPEN, isCircuitOpen, LlmCircuitBreakers, OPEN_FOR_MS } from './llm-circuit-breakers';

describe('LLM circuit breakers', () => {
  let breakers: LlmCircuitBreakers;
  const failing = jest.fn(() => Promise.reject(new Error('provider down')));
  const working = jest.fn(() => Promise.resolve('an answer'));

  /** The error a call ends with (or 'ok'). */
  const outcomeOf = (key: string, call: () => Promise<string>) =>
    breakers.run(key, call).then(
      () => 'ok',
      (error: unknown) => (isCircuitOpen(error) ? 'open' : (error as Error).message),
    );

  beforeEach(() => {
    jest.useFakeTimers();
    breakers = new LlmCircuitBreakers();
    failing.mockClear();
    working.mockClear();
  });

  afterEach(() => {
    breakers.onModuleDestroy();
    jest.useRealTimers();
  });

  it(`opens after ${FAILURES_TO_OPEN} consecutive failures and then refuses without calling`, async () => {
    for (let i = 0; i < FAILURES_TO_OPEN; i++) expect(await outcomeOf('tenant-a', failing)).toBe('provider down');
    expect(await outcomeOf('tenant-a', failing)).toBe('open');
    expect(await outcomeOf('tenant-a', working)).toBe('open');
    expect(failing).toHaveBeenCalledTimes(FAILURES_TO_OPEN);
    expect(working).not.toHaveBeenCalled();
    // Another key (another tenant or provider) has a circuit of its own.
    expect(await outcomeOf('tenant-b', working)).toBe('ok');
  });

  it('counts consecutive failures only: a success starts the count again', async () => {
    for (let i = 0; i < FAILURES_TO_OPEN - 1; i++) await outcomeOf('key', failing);
    expect(await outcomeOf('key', working)).toBe('ok');
    for (let i = 0; i < FAILURES_TO_OPEN - 1; i++) expect(await outcomeOf('key', failing)).toBe('provider down');
    expect(await outcomeOf('key', working)).toBe('ok');
  });

  it(`is half-open after ${OPEN_FOR_MS / 1000} s: one trial call closes it on success`, async () => {
    for (let i = 0; i < FAILURES_TO_OPEN; i++) await outcomeOf('key', failing);
    jest.advanceTimersByTime(OPEN_FOR_MS - 1);
    expect(await outcomeOf('key', working)).toBe('open');
    jest.advanceTimersByTime(1);
    expect(await outcomeOf('key', working)).toBe('ok');
    expect(await outcomeOf('key', working)).toBe('ok');
    expect(working).toHaveBeenCalledTimes(2);
  });

  it('opens again at once when the half-open trial fails', async () => {
    for (let i = 0; i < FAILURES_TO_OPEN; i++) await outcomeOf('key', failing);
    jest.advanceTimersByTime(OPEN_FOR_MS);
    expect(await outcomeOf('key', failing)).toBe('provider down');
    expect(await outcomeOf('key', working)).toBe('open');
    expect(failing).toHaveBeenCalledTimes(FAILURES_TO_OPEN + 1);
  });
});
