import { ApiProperty } from '@nestjs/swagger';

export class MemberView {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['owner', 'admin', 'manager', 'agent', 'viewer'] })
  role: string;

  @ApiProperty({ enum: ['active', 'disabled'] })
  status: string;

  @ApiProperty({ format: 'date-time' })
  joinedAt: string;
}

export class MemberPage {
  @ApiProperty({ type: [MemberView] })
  data: MemberView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
