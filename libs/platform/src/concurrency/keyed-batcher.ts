interface Waiting<I, R> {
  input: I;
  resolve: (result: R) => void;
  reject: (reason: unknown) => void;
}

/**
 * Coalesces concurrent calls of one key (e.g. one tenant's writes) into batches, one batch of a key
 * at a time per process: a call made while its key is idle starts a batch of its own at once; calls
 * made while a batch of their key runs wait for it and go together in the next (at most `maxBatch`).
 * So a lone call waits for nothing, and under load many share one run (one transaction, one commit).
 * `run` answers each input in order, with its result or the error of that input alone.
 */
export class KeyedBatcher<I, R> {
  private readonly waiting = new Map<string, Waiting<I, R>[]>();

  constructor(
    private readonly maxBatch: number,
    private readonly run: (inputs: I[]) => Promise<PromiseSettledResult<R>[]>,
  ) {}

  submit(key: string, input: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.waiting.get(key);
      if (queue !== undefined) {
        queue.push({ input, resolve, reject });
        return;
      }
      this.waiting.set(key, [{ input, resolve, reject }]);
      void this.drain(key);
    });
  }

  /** Runs the key's batches until none is waiting; the key's queue exists exactly while this runs. */
  private async drain(key: string): Promise<void> {
    const queue = this.waiting.get(key) as Waiting<I, R>[];
    while (queue.length > 0) {
      const batch = queue.splice(0, this.maxBatch);
      let results: PromiseSettledResult<R>[];
      try {
        results = await this.run(batch.map((waiting) => waiting.input));
      } catch (error) {
        results = batch.map(() => ({ status: 'rejected', reason: error }));
      }
      batch.forEach((waiting, index) => {
        const result = results[index];
        if (result.status === 'fulfilled') waiting.resolve(result.value);
        else waiting.reject(result.reason);
      });
    }
    this.waiting.delete(key);
  }
}
