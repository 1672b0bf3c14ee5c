import { Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CheckPolicies, CurrentContext, ProblemException, TenantContext, UPLOAD_MAX_BYTES } from '@saler/platform';
import { CatalogImportAccepted } from '../commands/start-catalog-import/catalog-import.view';
import { StartCatalogImportCommand } from '../commands/start-catalog-import/start-catalog-import.command';
import { CATALOG_IMPORT_KINDS, CatalogImportKind } from '../domain/catalog-import-row';
import { fieldProblem } from '../domain/catalog-problems';

const tooLarge = () => new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, 'file-too-large', `The file is larger than ${UPLOAD_MAX_BYTES / 1024 / 1024} MiB`);

/** The upload, refused with 413 once it passes the size limit (multipart truncates the stream there). */
async function* limited(file: AsyncIterable<Buffer> & { truncated?: boolean }): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of file) yield chunk;
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw error;
  }
  if (file.truncated) throw tooLarge();
}

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
    if (!request.isMultipart()) throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'multipart-required', 'Send the CSV as multipart/form-data: a field named kind, then the file in a field named file');
    const file = await request.file();
    if (file === undefined || file.fieldname !== 'file') throw fieldProblem('file', 'A CSV file in the form field "file" is required');
    const field = file.fields.kind;
    const kind = field !== undefined && !Array.isArray(field) && field.type === 'field' ? String(field.value) : undefined;
    if (kind === undefined || !(CATALOG_IMPORT_KINDS as readonly string[]).includes(kind)) {
      throw fieldProblem('kind', `kind must be ${CATALOG_IMPORT_KINDS.join(' or ')}, sent as a form field before the file`);
    }
    return this.commandBus.execute(new StartCatalogImportCommand(context, { fileName: file.filename.slice(0, 255), kind: kind as CatalogImportKind, content: limited(file.file) }));
  }
}
