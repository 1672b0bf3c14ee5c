import { newId, TenantTx } from '@saler/platform';
import { StageTemplate } from '../domain/default-pipeline';
import { notFound } from '../domain/crm-problems';
import { Pipeline } from '../domain/pipeline.entity';
import { Stage } from '../domain/stage.entity';
import { PipelineView, toPipelineView } from './pipeline.view';

export async function loadPipeline(tx: TenantTx, id: string): Promise<Pipeline> {
  const pipeline = await tx.repository(Pipeline).findOne({ id });
  if (pipeline === null) throw notFound('pipeline');
  return pipeline;
}

export async function loadStage(tx: TenantTx, pipelineId: string, stageId: string): Promise<Stage> {
  const stage = await tx.repository(Stage).findOne({ id: stageId, pipelineId });
  if (stage === null) throw notFound('stage');
  return stage;
}

export async function pipelineView(tx: TenantTx, pipelineId: string): Promise<PipelineView> {
  const pipeline = await loadPipeline(tx, pipelineId);
  return toPipelineView(pipeline, await tx.repository(Stage).find({ where: { pipelineId } }));
}

/** Creates a pipeline with its stages in the given order. */
export async function insertPipeline(tx: TenantTx, name: string, isDefault: boolean, stages: StageTemplate[]): Promise<Pipeline> {
  const pipeline: Pipeline = { tenantId: tx.tenantId, id: newId(), name, isDefault, createdAt: new Date() };
  await tx.repository(Pipeline).insert(pipeline);
  await tx.repository(Stage).insert(stages.map((stage, position) => ({ id: newId(), pipelineId: pipeline.id, name: stage.name, probability: stage.probability, kind: stage.kind, position })));
  return pipeline;
}
