import { Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CheckPolicies, CurrentContext, multipartUpload, TenantContext } from '@saler/platform';
import { CatalogImportAccepted } from '../commands/start-catalog-import/catalog-import.view';
import { StartCatalogImportCommand } from '../commands/start-catalog-import/start-catalog-import.command';
import { CATALOG_IMPORT_KINDS, CatalogImportKind } from '../domain/catalog-import-row';
import { fieldProblem } from '../domain/catalog-problems';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('imports/catalog')
export class CatalogImportsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @CheckPolicies((ability) => ability.can('create', 'Catalog'), (ability) => ability.can('update', 'Catalog'))
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: {
        kind: { type: 'string', enum: [...CATALOG_IMPORT_KINDS], description: 'Before `file`: models or prices' },
        file: {
          type: 'string',
          format: 'binary',
          description:
            'CSV, UTF-8, header on line 1, at most 50 MiB. models: brand,model,aliases,bodyType,yearFrom,yearTo[,brandAliases] (aliases split on ; or |). prices: category,price,currency[,validFrom] and one of bodyType (base price), option, or brand+model (per-model price); price in major units (4500.50)',
        },
      },
    },
  })
  @ApiAcceptedResponse({ type: CatalogImportAccepted, description: 'Poll GET /api/v1/jobs/{jobId}: progress, counts and row errors with line numbers' })
  async importCatalog(@Req() request: FastifyRequest, @CurrentContext() context: TenantContext): Promise<CatalogImportAccepted> {
    const upload = await multipartUpload(request, ['kind']);
    const kind = upload.fields.kind;
    if (kind === undefined || !(CATALOG_IMPORT_KINDS as readonly string[]).includes(kind)) {
      throw fieldProblem('kind', `kind must be ${CATALOG_IMPORT_KINDS.join(' or ')}, sent as a form field before the file`);
    }
    return this.commandBus.execute(new StartCatalogImportCommand(context, { fileName: upload.fileName, kind: kind as CatalogImportKind, content: upload.content }));
  }
}
