import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentContext } from '../../auth/authenticated-request';
import { CheckPolicies } from '../../auth/check-policies.decorator';
import { TenantContext } from '../../context/tenant-context';
import { JobView } from '../job.view';
import { GetJobQuery } from '../queries/get-job/get-job.query';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class JobsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id')
  @CheckPolicies((ability) => ability.can('read', 'Job'))
  @ApiOkResponse({ type: JobView, description: 'Poll this for progress; errors lists the first 100 bad rows with their line numbers' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext): Promise<JobView> {
    return this.queryBus.execute(new GetJobQuery(context, id));
  }
}
