import { KeyedBatcher } from './keyed-batcher';

describe('KeyedBatcher', () => {
  it('runs a lone call at once, and batches the calls of a key made while its batch runs, one batch at a time', async () => {
    const batches: string[][] = [];
    let release: () => void = () => undefined;
    const batcher = new KeyedBatcher<string, string>(10, async (inputs) => {
      batches.push(inputs);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return inputs.map((input) => ({ status: 'fulfilled', value: input.toUpperCase() }));
    });
    const first = batcher.submit('t1', 'a');
    const waiting = [batcher.submit('t1', 'b'), batcher.submit('t1', 'c'), batcher.submit('t2', 'x')];
    expect(batches).toEqual([['a'], ['x']]);
    release();
    expect(await Promise.all([first, ...waiting])).toEqual(['A', 'B', 'C', 'X']);
    expect(batches).toEqual([['a'], ['x'], ['b', 'c']]);
  });

  it('takes at most maxBatch calls per batch', async () => {
    const batches: number[][] = [];
    const batcher = new KeyedBatcher<number, number>(2, async (inputs) => {
      batches.push(inputs);
      await Promise.resolve();
      return inputs.map((value) => ({ status: 'fulfilled', value }));
    });
    await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.submit('k', n)));
    expect(batches).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('answers each call with its own result or error, and every call of a batch whose run throws with that error', async () => {
    let calls = 0;
    const batcher = new KeyedBatcher<number, number>(10, async (inputs) => {
      if (++calls === 2) throw new Error('run failed');
      await Promise.resolve();
      return inputs.map((value) => (value < 0 ? { status: 'rejected', reason: new Error(`negative ${value}`) } : { status: 'fulfilled', value }));
    });
    const results = await Promise.allSettled([batcher.submit('k', -1), batcher.submit('k', 2), batcher.submit('k', 3)]);
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value : (result.reason as Error).message))).toEqual(['negative -1', 'run failed', 'run failed']);
    expect(await batcher.submit('k', 4)).toBe(4);
  });
});
