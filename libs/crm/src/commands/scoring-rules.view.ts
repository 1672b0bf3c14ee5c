import { ApiProperty } from '@nestjs/swagger';
import { ScoringSignal } from '../domain/lead-scoring';
import { ScoringSignalRequest } from './replace-scoring-rules/replace-scoring-rules.request';

export class ScoringRulesView {
  @ApiProperty({ type: [ScoringSignalRequest] })
  signals: ScoringSignal[];

  @ApiProperty({ description: '0 while the tenant uses the defaults' })
  version: number;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  updatedAt: string | null;
}
