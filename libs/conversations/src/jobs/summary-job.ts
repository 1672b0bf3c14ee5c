import { AppConfig, JOBS, QueueDriver, QUEUES, TenantContext } from '@saler/platform';

export interface SummaryJob {
  conversationId: string;
  messageCount: number;
}

/**
 * Every new message restarts the conversation's idle timer: a delayed summary job keyed by the
 * message count. When it runs, a conversation that has moved on (a higher count) is left for the
 * later job, so only 30 idle minutes after the last message produce a summary.
 */
export function summaryJob(queue: QueueDriver, config: AppConfig, context: TenantContext, conversationId: string, messageCount: number): Promise<void> {
  const data: SummaryJob = { conversationId, messageCount };
  return queue.add(QUEUES.CONVERSATIONS, JOBS.CONVERSATION_SUMMARY, { tenantId: context.tenantId, actor: context.actor, requestId: context.requestId, payload: data }, {
    jobId: `summary.${conversationId}.${messageCount}`,
    delayMs: config.conversations.summaryIdleMs,
  });
}
