import { ApiProperty } from '@nestjs/swagger';
import { ActorType } from '@saler/platform';
import { Activity, ActivityType, SYSTEM_ACTIVITY_TYPES, USER_ACTIVITY_TYPES } from '../domain/activity.entity';

export class ActivityActorView {
  @ApiProperty({ enum: ['user', 'api_key', 'system'] })
  type: ActorType;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  id: string | null;
}

export class ActivityView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: [...USER_ACTIVITY_TYPES, ...SYSTEM_ACTIVITY_TYPES] })
  type: ActivityType;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'note: {text}; call: {direction, durationSeconds, outcome, text?}; system types: before/after facts' })
  data: Record<string, unknown>;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  leadId: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  contactId: string | null;

  @ApiProperty({ type: ActivityActorView })
  actor: ActivityActorView;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class ActivityPage {
  @ApiProperty({ type: [ActivityView] })
  data: ActivityView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export function toActivityView(activity: Activity): ActivityView {
  return {
    id: activity.id,
    type: activity.type,
    data: activity.data,
    leadId: activity.leadId,
    contactId: activity.contactId,
    actor: { type: activity.actorType, id: activity.actorId },
    createdAt: activity.createdAt.toISOString(),
  };
}
