import { TenantCommand, TenantContext } from '@saler/platform';

/** Deletes an FAQ for good (archive it instead to keep it out of matching but on record). */
export class DeleteFaqCommand extends TenantCommand<void> {
  constructor(
    context: TenantContext,
    readonly faqId: string,
  ) {
    super(context);
  }
}
