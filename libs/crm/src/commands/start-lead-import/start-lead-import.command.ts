import { TenantCommand, TenantContext } from '@saler/platform';
import { LeadImportAccepted } from './lead-import.view';

export interface LeadImportUpload {
  fileName: string;
  /** Renames file headers to columns; parsed from the `mapping` form field. */
  mapping: Record<string, string>;
  content: AsyncIterable<Buffer>;
}

/** Stores an uploaded CSV and queues its import; the worker does the rows. */
export class StartLeadImportCommand extends TenantCommand<LeadImportAccepted> {
  constructor(
    context: TenantContext,
    readonly upload: LeadImportUpload,
  ) {
    super(context);
  }
}
