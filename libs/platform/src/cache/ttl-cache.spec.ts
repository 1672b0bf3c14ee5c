import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  afterEach(() => jest.useRealTimers());

  it('loads once per key while the entry lives, and again after it expires or is forgotten', async () => {
    jest.useFakeTimers({ now: 0 });
    const cache = new TtlCache<number>(1000);
    let loads = 0;
    const load = async (): Promise<number> => ++loads;
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('a', load)).toBe(1);
    jest.setSystemTime(1001);
    expect(await cache.get('a', load)).toBe(2);
    cache.forget('a');
    expect(await cache.get('a', load)).toBe(3);
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const cache = new TtlCache<string>(60_000, 2);
    await cache.get('a', async () => 'a1');
    await cache.get('b', async () => 'b1');
    await cache.get('c', async () => 'c1');
    expect(await cache.get('b', async () => 'b2')).toBe('b1');
    expect(await cache.get('a', async () => 'a2')).toBe('a2');
  });

  it('shares one load among the calls made while it runs, and keeps the entry ttlMs from when it arrived', async () => {
    jest.useFakeTimers({ now: 0 });
    const cache = new TtlCache<string>(1000);
    let finish: (value: string) => void = () => undefined;
    const slow = jest.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const waiting = [cache.get('a', slow), cache.get('a', slow), cache.get('a', slow)];
    jest.setSystemTime(5000);
    finish('a1');
    expect(await Promise.all(waiting)).toEqual(['a1', 'a1', 'a1']);
    expect(slow).toHaveBeenCalledTimes(1);
    jest.setSystemTime(5999);
    expect(await cache.get('a', async () => 'a2')).toBe('a1');
    jest.setSystemTime(6001);
    expect(await cache.get('a', async () => 'a3')).toBe('a3');
  });

  it('keeps no failed load: its caller gets the error, a call that joined it loads with its own, the next call loads again', async () => {
    const cache = new TtlCache<string>(60_000);
    let fail: (error: Error) => void = () => undefined;
    const failing = () => new Promise<string>((_, reject) => (fail = reject));
    const own = jest.fn(async () => 'joiner loaded');
    const [first, joined] = [cache.get('a', failing), cache.get('a', own)];
    fail(new Error('aborted transaction'));
    await expect(first).rejects.toThrow('aborted transaction');
    expect(await joined).toBe('joiner loaded');
    expect(own).toHaveBeenCalledTimes(1);
    const throwing = (): Promise<string> => {
      throw new Error('thrown before any promise');
    };
    await expect(cache.get('b', throwing)).rejects.toThrow('thrown before any promise');
    expect(await cache.get('b', async () => 'b1')).toBe('b1');
  });

  it('forgets a load in flight: the next call loads anew, and the old load does not evict the new entry when it fails', async () => {
    const cache = new TtlCache<string>(60_000);
    let fail: (error: Error) => void = () => undefined;
    const old = cache.get('a', () => new Promise<string>((_, reject) => (fail = reject)));
    cache.forget('a');
    expect(await cache.get('a', async () => 'fresh')).toBe('fresh');
    fail(new Error('late failure'));
    await expect(old).rejects.toThrow('late failure');
    expect(await cache.get('a', async () => 'reloaded')).toBe('fresh');
  });
});
