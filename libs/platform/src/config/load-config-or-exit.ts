import { config as loadDotenv } from 'dotenv';
import { AppConfig, ConfigError, loadConfig } from './app-config';

/**
 * The entry point of every process: reads `.env` (never overriding the real environment),
 * validates, and on a wrong value prints one line naming the variable and exits 1.
 */
export function loadConfigOrExit(): AppConfig {
  loadDotenv({ quiet: true });
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
