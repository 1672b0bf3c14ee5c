import { Module } from '@nestjs/common';
import { JobsController } from './http/jobs.controller';
import { GetJobHandler } from './queries/get-job/get-job.handler';

/** GET /jobs/{id}: the progress of long work (imports) a client started. */
@Module({ providers: [GetJobHandler], controllers: [JobsController] })
export class JobsHttpModule {}
