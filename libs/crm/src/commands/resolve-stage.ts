import { HttpStatus } from '@nestjs/common';
import { ProblemException, TenantTx } from '@saler/platform';
import { fieldProblem } from '../domain/crm-problems';
import { Stage, StageKind } from '../domain/stage.entity';

/**
 * Where a new lead starts: the given stage, else the first stage of the given (or default) pipeline,
 * read with its pipeline in one statement.
 */
export async function resolveStartStage(tx: TenantTx, pipelineId?: string, stageId?: string): Promise<Stage> {
  if (stageId !== undefined) {
    const stage = await tx.repository(Stage).findOne({ id: stageId });
    if (stage === null || (pipelineId !== undefined && stage.pipelineId !== pipelineId)) throw fieldProblem('stageId', 'stageId must be a stage of the pipeline');
    return stage;
  }
  const first = await tx
    .repository(Stage)
    .scopedQuery('stage')
    .innerJoin('stage.pipeline', 'pipeline')
    .andWhere(pipelineId !== undefined ? 'pipeline.id = :pipelineId' : 'pipeline.isDefault = :isDefault', pipelineId !== undefined ? { pipelineId } : { isDefault: true })
    .orderBy('stage.position', 'ASC')
    .limit(1)
    .getOne();
  if (first === null) throw pipelineId !== undefined ? fieldProblem('pipelineId', 'No such pipeline in this tenant') : fieldProblem('pipelineId', 'This tenant has no default pipeline; pass pipelineId');
  return first;
}

/** The first stage of a kind (won, lost) in a pipeline, or 409 when the pipeline has none. */
export async function firstStageOfKind(tx: TenantTx, pipelineId: string, kind: StageKind): Promise<Stage> {
  const [stage] = await tx.repository(Stage).find({ where: { pipelineId, kind }, order: { position: 'ASC' }, take: 1 });
  if (stage === undefined) throw new ProblemException(HttpStatus.CONFLICT, 'no-such-stage', `This lead's pipeline has no ${kind} stage`);
  return stage;
}
