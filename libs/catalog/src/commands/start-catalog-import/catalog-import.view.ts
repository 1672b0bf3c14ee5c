import { ApiProperty } from '@nestjs/swagger';

export class CatalogImportAccepted {
  @ApiProperty({ format: 'uuid', description: 'Poll GET /api/v1/jobs/{jobId}' })
  jobId: string;
}
