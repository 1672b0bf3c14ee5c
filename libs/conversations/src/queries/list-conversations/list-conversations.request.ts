import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { PageRequest } from '@saler/platform';
import { CONVERSATION_STATUSES, ConversationStatus } from '../../domain/conversation.entity';

export class ListConversationsRequest extends PageRequest {
  @ApiPropertyOptional({ enum: CONVERSATION_STATUSES })
  @IsOptional()
  @IsIn(CONVERSATION_STATUSES)
  status?: ConversationStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  channelId?: string;

  @ApiPropertyOptional({ description: 'A user id, `me`, or `unassigned`' })
  @IsOptional()
  @ValidateIf((request: ListConversationsRequest) => request.assigneeId !== 'me' && request.assigneeId !== 'unassigned')
  @IsUUID(undefined, { message: 'assigneeId must be a user id, me or unassigned' })
  assigneeId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'botEnabled must be true or false' })
  botEnabled?: boolean;

  @ApiPropertyOptional({ description: "Part of the customer's name or of the summary" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;
}
