import { ApiProperty } from '@nestjs/swagger';
import { Pipeline } from '../domain/pipeline.entity';
import { Stage, STAGE_KINDS, StageKind } from '../domain/stage.entity';

export class StageView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ description: '0-based order in the pipeline' })
  position: number;

  @ApiProperty({ minimum: 0, maximum: 100 })
  probability: number;

  @ApiProperty({ enum: STAGE_KINDS, description: "A lead's status is its stage's kind" })
  kind: StageKind;
}

export class PipelineView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ description: 'New leads without a pipeline go here' })
  isDefault: boolean;

  @ApiProperty({ type: [StageView] })
  stages: StageView[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class PipelineList {
  @ApiProperty({ type: [PipelineView] })
  data: PipelineView[];
}

export function toPipelineView(pipeline: Pipeline, stages: Stage[]): PipelineView {
  return {
    id: pipeline.id,
    name: pipeline.name,
    isDefault: pipeline.isDefault,
    stages: stages
      .filter((stage) => stage.pipelineId === pipeline.id)
      .sort((a, b) => a.position - b.position)
      .map((stage) => ({ id: stage.id, name: stage.name, position: stage.position, probability: stage.probability, kind: stage.kind })),
    createdAt: pipeline.createdAt.toISOString(),
  };
}
