import { BullmqQueueDriver } from '../../libs/platform/src/queue/bullmq-queue.driver';
import { describeQueueDriverContract } from '../../libs/platform/src/queue/queue-driver.contract';
import { REDIS_URL, uniqueName } from '../support/services';

jest.setTimeout(30_000);

describeQueueDriverContract('bullmq', () => new BullmqQueueDriver(REDIS_URL, uniqueName('bullmq_contract')));
