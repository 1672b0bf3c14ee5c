import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfigOrExit } from '@saler/platform';
import { schemaFor } from './schema';

/**
 * The DataSource of the TypeORM CLI (`npm run migration:*`). It connects as the schema owner:
 * DATABASE_MIGRATION_URL, or DATABASE_URL when that is not set. Without DATABASE_URL, SQLite.
 */
const config = loadConfigOrExit();

export default new DataSource(dataSourceOptions(config.database, 'migration', schemaFor(config.database.driver)));
