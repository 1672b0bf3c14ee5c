import 'reflect-metadata';
import { loadConfigOrExit, runMain } from '@saler/platform';
import { bootstrapApi } from '../../apps/api/src/bootstrap-api';
import { NotesHttpModule } from './notes/notes';
import { testSchema } from './test-schema';

/** The real api bootstrap plus the test-only notes routes (e2e and the platform benchmark). */
runMain(async () => {
  const config = loadConfigOrExit();
  await bootstrapApi(config, { schema: testSchema(config.database.driver), extraModules: [NotesHttpModule] });
});
