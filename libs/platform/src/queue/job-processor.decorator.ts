import { SetMetadata } from '@nestjs/common';
import { QueueName } from './queue.constants';
import { QueueJob } from './queue-driver';

export const JOB_PROCESSOR = Symbol('JOB_PROCESSOR');

export interface JobProcessorMetadata {
  queue: QueueName;
  /** The job names this processor takes; empty means every job of the queue. */
  jobs: string[];
}

/** Marks a provider as the processor of some jobs of a queue. A processor is an adapter: job -> command. */
export const JobProcessor = (queue: QueueName, ...jobs: string[]) => SetMetadata(JOB_PROCESSOR, { queue, jobs } satisfies JobProcessorMetadata);

export interface JobHandler<P = unknown> {
  process(job: QueueJob<P>): Promise<void>;
}
