import { TenantCommand, TenantContext } from '@saler/platform';

/** Deletes a model with its availability marks; one with per-model prices is a 409 (past quotes rely on them). */
export class DeleteModelCommand extends TenantCommand<void> {
  constructor(
    context: TenantContext,
    readonly modelId: string,
  ) {
    super(context);
  }
}
