import { Injectable } from '@nestjs/common';

/** Wakes an in-process outbox relay right after a commit that wrote events. */
@Injectable()
export class OutboxSignal {
  private listeners = new Set<() => void>();

  notify(): void {
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
