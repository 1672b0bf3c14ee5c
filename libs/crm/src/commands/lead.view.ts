import { ApiProperty } from '@nestjs/swagger';
import { LEAD_SOURCES, LeadSource, LeadStatus } from '../domain/lead.entity';
import { STAGE_KINDS } from '../domain/stage.entity';

export class LeadContactView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ nullable: true, type: String })
  name: string | null;

  @ApiProperty({ nullable: true, type: String, description: '*** for viewers' })
  email: string | null;

  @ApiProperty({ nullable: true, type: String, description: '*** for viewers' })
  phone: string | null;
}

export class LeadView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: LeadContactView })
  contact: LeadContactView;

  @ApiProperty()
  title: string;

  @ApiProperty({ description: 'In minor units of the currency (cents)', example: 129900 })
  valueMinor: number;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217' })
  currency: string;

  @ApiProperty({ enum: LEAD_SOURCES })
  source: LeadSource;

  @ApiProperty({ format: 'uuid' })
  pipelineId: string;

  @ApiProperty({ format: 'uuid' })
  stageId: string;

  @ApiProperty({ enum: STAGE_KINDS, description: "The stage's kind" })
  status: LeadStatus;

  @ApiProperty({ nullable: true, type: String })
  lostReason: string | null;

  @ApiProperty({ minimum: 0, maximum: 100 })
  score: number;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  assigneeId: string | null;

  @ApiProperty({ type: [String] })
  tags: string[];

  @ApiProperty({ nullable: true, type: String, format: 'date' })
  expectedCloseDate: string | null;

  @ApiProperty({ format: 'date-time' })
  lastActivityAt: string;

  @ApiProperty({ description: 'Also sent as the ETag header; send it back in If-Match to update' })
  version: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class LeadPage {
  @ApiProperty({ type: [LeadView] })
  data: LeadView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
