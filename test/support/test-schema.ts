import { DatabaseDriver, SchemaManifest } from '@saler/platform';
import { ENTITIES, schemaFor } from '@saler/schema';
import { CreateNotesTable9999999999999 } from './notes/create-notes-table.migration';
import { Note } from './notes/note.entity';

/** The real schema plus the test-only `notes` table. */
export function testSchema(driver: DatabaseDriver): SchemaManifest {
  return { entities: [...ENTITIES, Note], migrations: [...(schemaFor(driver).migrations as Function[]), CreateNotesTable9999999999999] };
}
