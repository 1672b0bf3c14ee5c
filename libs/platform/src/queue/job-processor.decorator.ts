import { SetMetadata } from '@nestjs/common';
import { QueueName } from './queue.constants';
import { QueueJob } from './queue-driver';

export const JOB_PROCESSOR = Symbol('JOB_PROCESSOR');

export interface JobProcessorMetadata {
  queue: QueueName;
  /** The job names this processor takes; empty means every job of the queue. */
  jobs: string[];
  /** A repeatable job: the consumer schedules `jobs[0]` every this many milliseconds. */
  everyMs?: number;
}

/** Marks a provider as the processor of some jobs of a queue. A processor is an adapter: job -> command. */
export const JobProcessor = (queue: QueueName, ...jobs: string[]) => SetMetadata(JOB_PROCESSOR, { queue, jobs } satisfies JobProcessorMetadata);

/** A processor of a repeatable system job: the process that consumes queues schedules it every `everyMs` and runs it. */
export const ScheduledJob = (queue: QueueName, job: string, everyMs: number) => SetMetadata(JOB_PROCESSOR, { queue, jobs: [job], everyMs } satisfies JobProcessorMetadata);

export interface JobHandler<P = unknown> {
  process(job: QueueJob<P>): Promise<void>;
}
