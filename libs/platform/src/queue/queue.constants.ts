/** Every queue and job name in Saler. Later contexts add theirs here. */
export const QUEUES = {
  /** One job per outbox row, named by the event type; fans out to EventsHandlers and subscribers. */
  DOMAIN_EVENTS: 'domain-events',
  /** Platform housekeeping on a schedule. */
  MAINTENANCE: 'maintenance',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  OUTBOX_PURGE: 'outbox.purge',
} as const;

export const DEFAULT_JOB_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_MS = 1000;
