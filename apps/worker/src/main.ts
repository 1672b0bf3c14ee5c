import 'reflect-metadata';
import { loadConfigOrExit, runMain } from '@saler/platform';
import { bootstrapWorker } from './bootstrap-worker';

runMain(() => bootstrapWorker(loadConfigOrExit()));
