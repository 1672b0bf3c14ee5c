import { HttpStatus } from '@nestjs/common';
import { ProblemException, TenantTx } from '@saler/platform';
import { fieldProblem } from '../domain/crm-problems';
import { Pipeline } from '../domain/pipeline.entity';
import { Stage, StageKind } from '../domain/stage.entity';

/** Where a new lead starts: the given stage, else the first stage of the given (or default) pipeline. */
export async function resolveStartStage(tx: TenantTx, pipelineId?: string, stageId?: string): Promise<Stage> {
  if (stageId !== undefined) {
    const stage = await tx.repository(Stage).findOne({ id: stageId });
    if (stage === null || (pipelineId !== undefined && stage.pipelineId !== pipelineId)) throw fieldProblem('stageId', 'stageId must be a stage of the pipeline');
    return stage;
  }
  const pipeline = pipelineId !== undefined ? await tx.repository(Pipeline).findOne({ id: pipelineId }) : await tx.repository(Pipeline).findOne({ isDefault: true });
  if (pipeline === null) throw pipelineId !== undefined ? fieldProblem('pipelineId', 'No such pipeline in this tenant') : fieldProblem('pipelineId', 'This tenant has no default pipeline; pass pipelineId');
  const [first] = await tx.repository(Stage).find({ where: { pipelineId: pipeline.id }, order: { position: 'ASC' }, take: 1 });
  return first;
}

/** The first stage of a kind (won, lost) in a pipeline, or 409 when the pipeline has none. */
export async function firstStageOfKind(tx: TenantTx, pipelineId: string, kind: StageKind): Promise<Stage> {
  const [stage] = await tx.repository(Stage).find({ where: { pipelineId, kind }, order: { position: 'ASC' }, take: 1 });
  if (stage === undefined) throw new ProblemException(HttpStatus.CONFLICT, 'no-such-stage', `This lead's pipeline has no ${kind} stage`);
  return stage;
}
