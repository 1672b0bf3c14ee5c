import { ApiProperty } from '@nestjs/swagger';
import { Tenant } from '../../domain/tenant.entity';

export class TenantView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  slug: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['active', 'suspended'] })
  status: string;

  @ApiProperty({ example: 'en' })
  locale: string;

  @ApiProperty({ example: 'Europe/Lisbon' })
  timezone: string;

  @ApiProperty({ example: 365 })
  retentionDays: number;

  @ApiProperty({ type: Object, example: { greetingEnabled: true } })
  settings: Record<string, string | number | boolean | null>;

  @ApiProperty({ description: 'Also sent as the ETag header; send it back in If-Match to update' })
  version: number;
}

export const toTenantView = (tenant: Tenant): TenantView => ({
  id: tenant.id,
  slug: tenant.slug,
  name: tenant.name,
  status: tenant.status,
  locale: tenant.locale,
  timezone: tenant.timezone,
  retentionDays: tenant.retentionDays,
  settings: tenant.settings,
  version: tenant.version,
});
