import { AUDIT_ENTITIES } from '@saler/audit';
import { CATALOG_ENTITIES } from '@saler/catalog';
import { CONVERSATIONS_ENTITIES } from '@saler/conversations';
import { CRM_ENTITIES } from '@saler/crm';
import { IDENTITY_ENTITIES } from '@saler/identity';
import { KNOWLEDGE_ENTITIES } from '@saler/knowledge';
import { DatabaseDriver, IdempotencyKey, Job, JobUploadChunk, OutboxMessage, SchemaManifest } from '@saler/platform';
import { POSTGRES_MIGRATIONS } from './migrations/postgres';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

/** Every entity of every context. ormconfig.ts, the apps and the tests build their DataSources from this. */
export const ENTITIES: Function[] = [OutboxMessage, IdempotencyKey, Job, JobUploadChunk, ...IDENTITY_ENTITIES, ...AUDIT_ENTITIES, ...CRM_ENTITIES, ...CATALOG_ENTITIES, ...KNOWLEDGE_ENTITIES, ...CONVERSATIONS_ENTITIES];

export function schemaFor(driver: DatabaseDriver): SchemaManifest {
  return { entities: ENTITIES, migrations: driver === 'postgres' ? POSTGRES_MIGRATIONS : SQLITE_MIGRATIONS };
}
