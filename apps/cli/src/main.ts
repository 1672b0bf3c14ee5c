import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { loadConfigOrExit, runMain } from '@saler/platform';
import { CliModule } from './cli.module';

runMain(async () => {
  const config = loadConfigOrExit();
  await CommandFactory.run(CliModule.register({ ...config, log: { ...config.log, level: 'warn' } }), {
    logger: ['error', 'warn'],
    // Commander has already printed its own message (unknown command, missing option).
    errorHandler: (error) => process.exit((error as Error & { exitCode?: number }).exitCode || 1),
    serviceErrorHandler: (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
  });
});
