import { Body, Controller, Get, Headers, Injectable, Module, Post } from '@nestjs/common';
import { CommandBus, CommandHandler, EventsHandler, IEventHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsNull } from 'typeorm';
import {
  Deprecated,
  DomainEvent,
  DomainEventType,
  newId,
  ProblemException,
  Public,
  RequestId,
  SYSTEM_ACTOR,
  TenantCommand,
  TenantCommandHandler,
  TenantContext,
  TenantQuery,
  TenantQueryHandler,
  TenantTx,
} from '@saler/platform';
import { Note } from './note.entity';

export interface NoteView {
  id: string;
  body: string;
  relayedAt: string | null;
}

const view = (note: Note): NoteView => ({ id: note.id, body: note.body, relayedAt: note.relayedAt?.toISOString() ?? null });

@DomainEventType('note.created')
export class NoteCreated extends DomainEvent<{ noteId: string }> {}

export class CreateNoteCommand extends TenantCommand<NoteView> {
  constructor(
    context: TenantContext,
    readonly body: string,
  ) {
    super(context);
  }
}

@CommandHandler(CreateNoteCommand)
export class CreateNoteHandler extends TenantCommandHandler<CreateNoteCommand, NoteView> {
  protected async handle(command: CreateNoteCommand, tx: TenantTx): Promise<NoteView> {
    const note = Object.assign(new Note(), { tenantId: tx.tenantId, id: newId(), body: command.body, relayedAt: null, createdAt: new Date() });
    await tx.repository(Note).insert(note);
    tx.publish(new NoteCreated(command.context, { noteId: note.id }));
    return view(note);
  }
}

export class MarkNoteRelayedCommand extends TenantCommand<void> {
  constructor(
    context: TenantContext,
    readonly noteId: string,
  ) {
    super(context);
  }
}

@CommandHandler(MarkNoteRelayedCommand)
export class MarkNoteRelayedHandler extends TenantCommandHandler<MarkNoteRelayedCommand, void> {
  protected async handle(command: MarkNoteRelayedCommand, tx: TenantTx): Promise<void> {
    await tx.repository(Note).update({ id: command.noteId, relayedAt: IsNull() }, { relayedAt: new Date() });
  }
}

export class ListNotesQuery extends TenantQuery<NoteView[]> {}

@QueryHandler(ListNotesQuery)
export class ListNotesHandler extends TenantQueryHandler<ListNotesQuery, NoteView[]> {
  protected async handle(_query: ListNotesQuery, tx: TenantTx): Promise<NoteView[]> {
    return (await tx.repository(Note).find({ order: { id: 'ASC' }, take: 50 })).map(view);
  }
}

/** Reacts to note.created after commit, through the outbox, relay and queue. */
@Injectable()
@EventsHandler(NoteCreated)
export class NoteCreatedHandler implements IEventHandler<NoteCreated> {
  constructor(private readonly commandBus: CommandBus) {}

  async handle(event: NoteCreated): Promise<void> {
    await this.commandBus.execute(new MarkNoteRelayedCommand({ ...event.context, actor: SYSTEM_ACTOR }, event.payload.noteId));
  }
}

export class CreateNoteRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  body: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Test-only stand-in for authentication: the tenant comes from X-Tenant-Id. */
function contextFrom(tenantId: string | undefined, requestId: string): TenantContext {
  if (tenantId === undefined || !UUID.test(tenantId)) throw new ProblemException(400, 'tenant-required', 'X-Tenant-Id must be a UUID');
  return { tenantId, actor: { type: 'user', id: null }, requestId };
}

@Public()
@Controller('notes')
export class NotesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  list(@Headers('x-tenant-id') tenantId: string | undefined, @RequestId() requestId: string) {
    return this.queryBus.execute(new ListNotesQuery(contextFrom(tenantId, requestId)));
  }

  @Get('legacy')
  @Deprecated({ since: '2026-01-01T00:00:00Z', sunset: '2027-01-01T00:00:00Z', successor: '/api/v1/notes' })
  legacyList(@Headers('x-tenant-id') tenantId: string | undefined, @RequestId() requestId: string) {
    return this.list(tenantId, requestId);
  }

  @Get('boom')
  boom(): never {
    throw new Error('relation "secret_table" does not exist at SELECT * FROM secret_table');
  }

  @Post()
  create(@Headers('x-tenant-id') tenantId: string | undefined, @RequestId() requestId: string, @Body() request: CreateNoteRequest) {
    return this.commandBus.execute(new CreateNoteCommand(contextFrom(tenantId, requestId), request.body));
  }
}

export const NOTE_HANDLERS = [CreateNoteHandler, MarkNoteRelayedHandler, ListNotesHandler, NoteCreatedHandler];

@Module({ providers: NOTE_HANDLERS })
export class NotesModule {}

@Module({ imports: [NotesModule], controllers: [NotesController] })
export class NotesHttpModule {}
