import { InlineQueueDriver } from './inline-queue.driver';
import { describeQueueDriverContract } from './queue-driver.contract';

describeQueueDriverContract('inline', () => new InlineQueueDriver());
