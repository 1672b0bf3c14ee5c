import { SYSTEM_ACTOR } from '../context/tenant-context';
import { QUEUES } from './queue.constants';
import { JobEnvelope, QueueDriver, QueueJob } from './queue-driver';

const envelope = (payload: unknown): JobEnvelope => ({ tenantId: null, actor: SYSTEM_ACTOR, requestId: 'req-1', payload });

async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The behaviour every QueueDriver must have; run against the inline driver (unit) and the BullMQ
 * driver (real Redis), so the embedded mode cannot drift from production.
 */
export function describeQueueDriverContract(name: string, create: () => QueueDriver): void {
  describe(`${name} queue driver contract`, () => {
    let driver: QueueDriver;

    beforeEach(() => {
      driver = create();
    });

    afterEach(async () => {
      await driver.close();
    });

    it('runs a job with its envelope', async () => {
      const seen: QueueJob[] = [];
      driver.work(QUEUES.DOMAIN_EVENTS, async (job) => void seen.push(job), 2);
      await driver.add(QUEUES.DOMAIN_EVENTS, 'thing.happened', envelope({ n: 1 }));
      await eventually(() => seen.length === 1);
      expect(seen[0]).toMatchObject({ name: 'thing.happened', attempt: 1, data: { requestId: 'req-1', actor: SYSTEM_ACTOR, payload: { n: 1 } } });
    });

    it('deduplicates by job id', async () => {
      const seen: string[] = [];
      await driver.add(QUEUES.DOMAIN_EVENTS, 'a', envelope(1), { jobId: 'same-id' });
      await driver.add(QUEUES.DOMAIN_EVENTS, 'a', envelope(2), { jobId: 'same-id' });
      await driver.addBulk(QUEUES.DOMAIN_EVENTS, [{ name: 'a', data: envelope(3), opts: { jobId: 'same-id' } }, { name: 'a', data: envelope(4), opts: { jobId: 'other-id' } }]);
      driver.work(QUEUES.DOMAIN_EVENTS, async (job) => void seen.push(job.id), 1);
      await eventually(() => seen.length === 2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seen.sort()).toEqual(['other-id', 'same-id']);
    });

    it('refuses a job id with a colon, as BullMQ does', async () => {
      await expect(driver.add(QUEUES.DOMAIN_EVENTS, 'a', envelope(1), { jobId: 'score:lead:1:2' })).rejects.toThrow(/cannot contain :/);
      await expect(driver.addBulk(QUEUES.DOMAIN_EVENTS, [{ name: 'a', data: envelope(1), opts: { jobId: 'a:b' } }])).rejects.toThrow(/cannot contain :/);
    });

    it('retries a failing job with backoff, then succeeds', async () => {
      const attempts: number[] = [];
      driver.work(
        QUEUES.DOMAIN_EVENTS,
        async (job) => {
          attempts.push(job.attempt);
          if (job.attempt < 3) throw new Error('transient');
        },
        1,
      );
      const started = Date.now();
      await driver.add(QUEUES.DOMAIN_EVENTS, 'flaky', envelope(null), { attempts: 5, backoffMs: 50 });
      await eventually(() => attempts.length === 3);
      expect(attempts).toEqual([1, 2, 3]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(50 + 100);
    });

    it('gives up after the last attempt and counts the job as failed', async () => {
      let attempts = 0;
      driver.work(
        QUEUES.DOMAIN_EVENTS,
        async () => {
          attempts += 1;
          throw new Error('permanent');
        },
        1,
      );
      await driver.add(QUEUES.DOMAIN_EVENTS, 'doomed', envelope(null), { attempts: 2, backoffMs: 10 });
      await eventually(() => attempts === 2);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(attempts).toBe(2);
      expect((await driver.counts(QUEUES.DOMAIN_EVENTS)).failed).toBe(1);
    });

    it('delays a job', async () => {
      let ranAt = 0;
      driver.work(QUEUES.DOMAIN_EVENTS, async () => void (ranAt = Date.now()), 1);
      const added = Date.now();
      await driver.add(QUEUES.DOMAIN_EVENTS, 'later', envelope(null), { delayMs: 300 });
      await eventually(() => ranAt > 0);
      expect(ranAt - added).toBeGreaterThanOrEqual(280);
    });

    it('honours concurrency', async () => {
      let active = 0;
      let peak = 0;
      let done = 0;
      driver.work(
        QUEUES.DOMAIN_EVENTS,
        async () => {
          active += 1;
          peak = Math.max(peak, active);
          await new Promise((resolve) => setTimeout(resolve, 50));
          active -= 1;
          done += 1;
        },
        3,
      );
      await driver.addBulk(QUEUES.DOMAIN_EVENTS, Array.from({ length: 12 }, (_, i) => ({ name: 'n', data: envelope(i) })));
      await eventually(() => done === 12);
      expect(peak).toBeLessThanOrEqual(3);
      expect(peak).toBeGreaterThan(1);
    });

    it('close() waits for the active job to finish', async () => {
      let finished = false;
      let started = false;
      driver.work(
        QUEUES.DOMAIN_EVENTS,
        async () => {
          started = true;
          await new Promise((resolve) => setTimeout(resolve, 300));
          finished = true;
        },
        1,
      );
      await driver.add(QUEUES.DOMAIN_EVENTS, 'slow', envelope(null));
      await eventually(() => started);
      await driver.close();
      expect(finished).toBe(true);
    });
  });
}
