import 'reflect-metadata';
import { loadConfigOrExit, runMain } from '@saler/platform';
import { bootstrapApi } from './bootstrap-api';

runMain(() => bootstrapApi(loadConfigOrExit()));
