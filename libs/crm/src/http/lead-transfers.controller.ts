import { Controller, Get, HttpCode, HttpStatus, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { AppAbility, CheckPolicies, CurrentAbility, CurrentContext, CurrentPrincipal, multipartUpload, Principal, TenantContext } from '@saler/platform';
import { LeadImportAccepted } from '../commands/start-lead-import/lead-import.view';
import { StartLeadImportCommand } from '../commands/start-lead-import/start-lead-import.command';
import { fieldProblem } from '../domain/crm-problems';
import { LEAD_EXPORT_COLUMNS, leadExportRows } from '../queries/export-leads/lead-export-rows';
import { LeadFiltersRequest } from '../queries/list-leads/lead-filters.request';
import { seesContactDetails } from './contacts.controller';
import { maskLead } from './leads.controller';

/** A cell a spreadsheet would run as a formula gets a leading quote (E.164 phones stay as they are). */
const defuse = (value: string) => (/^[=+\-@\t\r]/.test(value) && !/^\+\d{6,15}$/.test(value) ? `'${value}` : value);

function parseMapping(raw: unknown): Record<string, string> {
  if (raw === undefined) return {};
  let mapping: unknown;
  try {
    mapping = JSON.parse(String(raw));
  } catch {
    throw fieldProblem('mapping', 'mapping must be a JSON object such as {"E-mail":"email"}');
  }
  if (mapping === null || typeof mapping !== 'object' || Array.isArray(mapping) || Object.values(mapping).some((value) => typeof value !== 'string')) {
    throw fieldProblem('mapping', 'mapping must be a JSON object of file header → column names');
  }
  return mapping as Record<string, string>;
}

@ApiTags('leads')
@ApiBearerAuth()
@Controller()
export class LeadTransfersController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post('imports/leads')
  @CheckPolicies((ability) => ability.can('create', 'Lead'), (ability) => ability.can('create', 'Contact'))
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        mapping: { type: 'string', description: 'Optional, and before `file`: JSON renaming file headers to columns, e.g. {"E-mail":"email","Notes":""} ("" skips a column)' },
        file: { type: 'string', format: 'binary', description: 'CSV, UTF-8, header on line 1: name,email,phone,title,value,currency,stage,tags,locale,expectedCloseDate; other columns become contact attributes; tags split on ; or |. At most 50 MiB' },
      },
    },
  })
  @ApiAcceptedResponse({ type: LeadImportAccepted })
  async importLeads(@Req() request: FastifyRequest, @CurrentContext() context: TenantContext): Promise<LeadImportAccepted> {
    const upload = await multipartUpload(request, ['mapping']);
    return this.commandBus.execute(new StartLeadImportCommand(context, { fileName: upload.fileName, mapping: parseMapping(upload.fields.mapping), content: upload.content }));
  }

  @Get('exports/leads.csv')
  @CheckPolicies((ability) => ability.can('read', 'Lead'))
  @ApiProduces('text/csv')
  async exportLeads(
    @Query() filters: LeadFiltersRequest,
    @CurrentContext() context: TenantContext,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const rows = leadExportRows(this.queryBus, context, filters, { id: principal.userId, searchHidden: seesContactDetails(ability) }, (lead) => maskLead(ability, lead));
    // Fail before the 200 is sent if the filters or the first page are refused.
    const first = await rows.next();
    const all = async function* () {
      if (!first.done) yield first.value;
      yield* rows;
    };
    void reply.header('Content-Disposition', 'attachment; filename="leads.csv"');
    const csv = Readable.from(all()).pipe(stringify({ header: true, columns: [...LEAD_EXPORT_COLUMNS], cast: { string: defuse } }));
    return new StreamableFile(csv, { type: 'text/csv; charset=utf-8' });
  }
}
