import { HttpStatus } from '@nestjs/common';
import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler } from '../../../cqrs/tenant-command';
import { TenantTx } from '../../../database/unit-of-work';
import { ProblemException } from '../../../http/problem';
import { Job } from '../../job.entity';
import { JobView, toJobView } from '../../job.view';
import { GetJobQuery } from './get-job.query';

@QueryHandler(GetJobQuery)
export class GetJobHandler extends TenantQueryHandler<GetJobQuery, JobView> {
  protected async handle(query: GetJobQuery, tx: TenantTx): Promise<JobView> {
    const job = await tx.repository(Job).findOne({ id: query.jobId });
    if (job === null) throw new ProblemException(HttpStatus.NOT_FOUND, 'not-found', 'No such job in this tenant');
    return toJobView(job);
  }
}
