import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { OptionalNotNull } from '@saler/platform';
import { CONVERSATION_STATUSES, ConversationStatus } from '../../domain/conversation.entity';

export class UpdateConversationRequest {
  @ApiPropertyOptional({ enum: CONVERSATION_STATUSES })
  @OptionalNotNull()
  @IsIn(CONVERSATION_STATUSES)
  status?: ConversationStatus;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'null unassigns; an agent may only claim (their own id) or let go' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string | null;

  @ApiPropertyOptional({ description: 'false hands the conversation to people; true gives it back to the bot' })
  @OptionalNotNull()
  @IsBoolean()
  botEnabled?: boolean;
}
