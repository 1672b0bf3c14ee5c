import { TenantCommand, TenantContext } from '@saler/platform';
import { AvailabilityView } from '../availability.view';
import { SetAvailabilityRequest } from './set-availability.request';

/** Marks a model × category pair available or not (an upsert: one row per pair). */
export class SetAvailabilityCommand extends TenantCommand<AvailabilityView> {
  constructor(
    context: TenantContext,
    readonly input: SetAvailabilityRequest,
  ) {
    super(context);
  }
}
