import { TenantTx } from '@saler/platform';
import { Stage } from '../domain/stage.entity';

/** Writes positions 0..n-1 in the given order, touching only the stages whose position changes. */
export async function writeStageOrder(tx: TenantTx, ordered: Stage[]): Promise<void> {
  for (const [position, stage] of ordered.entries()) {
    if (stage.position !== position) await tx.repository(Stage).update({ id: stage.id }, { position });
  }
}

export async function stagesInOrder(tx: TenantTx, pipelineId: string): Promise<Stage[]> {
  return tx.repository(Stage).find({ where: { pipelineId }, order: { position: 'ASC' } });
}
