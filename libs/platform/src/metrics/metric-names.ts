export const METRICS = {
  HTTP_DURATION: 'http_request_duration_seconds',
  DB_POOL: 'db_pool_connections',
  JOBS_TOTAL: 'queue_jobs_processed_total',
  JOB_DURATION: 'queue_job_duration_seconds',
  QUEUE_DEPTH: 'queue_jobs',
  OUTBOX_RELAYED: 'outbox_events_relayed_total',
} as const;
