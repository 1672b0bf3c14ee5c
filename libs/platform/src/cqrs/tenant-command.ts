import { Command, Query } from '@nestjs/cqrs';
import { Injectable } from '@nestjs/common';
import { TenantContext } from '../context/tenant-context';
import { TenantTx, UnitOfWork } from '../database/unit-of-work';

/** A command of one tenant. The context is a constructor argument, so forgetting it does not compile. */
export abstract class TenantCommand<R> extends Command<R> {
  constructor(readonly context: TenantContext) {
    super();
  }
}

/** A query of one tenant; same rule as TenantCommand. */
export abstract class TenantQuery<R> extends Query<R> {
  constructor(readonly context: TenantContext) {
    super();
  }
}

/**
 * The base of every tenant command handler: `execute` opens the unit of work from the command's
 * own context, and the subclass only ever sees the transaction.
 */
@Injectable()
export abstract class TenantCommandHandler<C extends TenantCommand<R>, R> {
  constructor(protected readonly unitOfWork: UnitOfWork) {}

  execute(command: C): Promise<R> {
    return this.unitOfWork.run(command.context, (tx) => this.handle(command, tx));
  }

  protected abstract handle(command: C, tx: TenantTx): Promise<R>;
}

/** The base of every tenant query handler; reads run in the unit of work too, so RLS applies. */
@Injectable()
export abstract class TenantQueryHandler<Q extends TenantQuery<R>, R> {
  constructor(protected readonly unitOfWork: UnitOfWork) {}

  execute(query: Q): Promise<R> {
    return this.unitOfWork.run(query.context, (tx) => this.handle(query, tx));
  }

  protected abstract handle(query: Q, tx: TenantTx): Promise<R>;
}
