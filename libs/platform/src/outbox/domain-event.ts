import type { IEvent } from '@nestjs/cqrs';
import { Actor, TenantContext } from '../context/tenant-context';
import { newId } from '../database/ids';

type DomainEventClass = (new (context: TenantContext, payload: never, id?: string, occurredAt?: Date) => DomainEvent) & {
  readonly type: string;
};

const registry = new Map<string, DomainEventClass>();

/**
 * Names a domain event (`lead.stage_changed` style) and registers its class so the worker can
 * rebuild it from an outbox row.
 */
export function DomainEventType(type: string) {
  return (target: DomainEventClass & { type: string }) => {
    const existing = registry.get(type);
    if (existing !== undefined && existing !== target) throw new Error(`Domain event type ${type} is registered twice`);
    Object.defineProperty(target, 'type', { value: type });
    registry.set(type, target);
  };
}

export function domainEventClass(type: string): DomainEventClass | undefined {
  return registry.get(type);
}

/** A fact a handler publishes through the outbox, in the transaction that caused it. */
export abstract class DomainEvent<P extends object = Record<string, unknown>> implements IEvent {
  static readonly type: string;

  constructor(
    readonly context: TenantContext,
    readonly payload: P,
    readonly id: string = newId(),
    readonly occurredAt: Date = new Date(),
  ) {}

  get type(): string {
    return (this.constructor as typeof DomainEvent).type;
  }
}

/** What travels on the domain-events queue: one outbox row. */
export interface DomainEventEnvelope {
  eventId: string;
  type: string;
  tenantId: string;
  actor: Actor;
  requestId: string;
  occurredAt: string;
  payload: Record<string, unknown>;
}

export function rehydrate(envelope: DomainEventEnvelope): DomainEvent | undefined {
  const EventClass = domainEventClass(envelope.type);
  if (EventClass === undefined) return undefined;
  const context: TenantContext = { tenantId: envelope.tenantId, actor: envelope.actor, requestId: envelope.requestId };
  return new EventClass(context, envelope.payload as never, envelope.eventId, new Date(envelope.occurredAt));
}
