/** Every queue and job name in Saler. Later contexts add theirs here. */
export const QUEUES = {
  /** One job per outbox row, named by the event type; fans out to EventsHandlers and subscribers. */
  DOMAIN_EVENTS: 'domain-events',
  /** Platform housekeeping on a schedule. */
  MAINTENANCE: 'maintenance',
  /** CRM work: task reminders, lead scoring. */
  CRM: 'crm',
  /** Long file work (CSV imports), kept apart so it never delays reminders or events. */
  IMPORTS: 'imports',
  /** Conversations: the bot's replies, outbound delivery to the platforms, summaries, retention. */
  CONVERSATIONS: 'conversations',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  OUTBOX_PURGE: 'outbox.purge',
  TASK_REMINDER: 'task.reminder',
  TASK_REMINDER_SWEEP: 'task.reminder_sweep',
  LEAD_SCORE: 'lead.score',
  TENANT_RESCORE: 'lead.rescore_tenant',
  DAILY_RESCORE: 'lead.rescore_daily',
  LEAD_IMPORT: 'lead.import',
  CATALOG_IMPORT: 'catalog.import',
  IDEMPOTENCY_PURGE: 'idempotency.purge',
  BOT_REPLY: 'bot.reply',
  MESSAGE_DELIVERY: 'message.deliver',
  CONVERSATION_SUMMARY: 'conversation.summarize',
  CONVERSATION_RETENTION: 'conversation.retention',
  TENANT_RETENTION: 'conversation.retention_tenant',
  DELIVERY_SWEEP: 'message.delivery_sweep',
  SUMMARY_SWEEP: 'conversation.summary_sweep',
} as const;

export const DEFAULT_JOB_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_MS = 1000;
