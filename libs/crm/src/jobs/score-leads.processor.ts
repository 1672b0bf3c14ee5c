import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { JobHandler, jobContext, JobProcessor, JOBS, QueueJob, QUEUES } from '@saler/platform';
import { RecomputeLeadScoresCommand } from '../commands/recompute-lead-scores/recompute-lead-scores.command';
import { ScoreLeadsJob } from './score-leads-on-change.event-handler';

/** lead.score → rescore the named leads (or a contact's leads); lead.rescore_tenant → every lead, batch by batch. */
@Injectable()
@JobProcessor(QUEUES.CRM, JOBS.LEAD_SCORE, JOBS.TENANT_RESCORE)
export class ScoreLeadsProcessor implements JobHandler<ScoreLeadsJob> {
  constructor(private readonly commandBus: CommandBus) {}

  async process(job: QueueJob<ScoreLeadsJob>): Promise<void> {
    const context = jobContext(job);
    const { leadIds, contactId } = job.data.payload;
    if (leadIds !== undefined) {
      await this.commandBus.execute(new RecomputeLeadScoresCommand(context, { leadIds }));
      return;
    }
    if (contactId !== undefined) {
      await this.commandBus.execute(new RecomputeLeadScoresCommand(context, { contactId }));
      return;
    }
    let afterId: string | null = null;
    do {
      ({ lastId: afterId } = await this.commandBus.execute(new RecomputeLeadScoresCommand(context, { afterId })));
    } while (afterId !== null);
  }
}
