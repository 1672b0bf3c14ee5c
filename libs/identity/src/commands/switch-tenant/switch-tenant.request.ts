import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class SwitchTenantRequest {
  @ApiProperty({ format: 'uuid', description: 'A tenant you are an active member of' })
  @IsUUID()
  tenantId: string;
}
