import 'reflect-metadata';
import { loadConfigOrExit, runMain } from '@saler/platform';
import { bootstrapWorker } from '../../apps/worker/src/bootstrap-worker';
import { NotesModule } from './notes/notes';
import { testSchema } from './test-schema';

/** The real worker bootstrap plus the test-only notes handlers. */
runMain(async () => {
  const config = loadConfigOrExit();
  await bootstrapWorker(config, { schema: testSchema(config.database.driver), extraModules: [NotesModule] });
});
