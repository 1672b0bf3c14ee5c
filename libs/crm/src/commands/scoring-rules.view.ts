import { ApiProperty } from '@nestjs/swagger';
import { ScoringSignal } from '../domain/lead-scoring';
import { ScoringSignalRequest } from './replace-scoring-rules/replace-scoring-rules.request';

export class ScoringRulesView {
  @ApiProperty({ type: [ScoringSignalRequest] })
  signals: ScoringSignal[];

  @ApiProperty({ description: 'Bumped by every replacement; 1 is the defaults a tenant starts with' })
  version: number;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  updatedAt: string | null;
}
