/**
 * Lead scoring: a tenant's rules are weighted signals; a lead's score is their sum over the lead's
 * facts, rounded and clamped to 0–100. Pure: no database, no clock but the one passed in.
 */
export type ScoringSignal =
  | { type: 'has_email'; weight: number }
  | { type: 'has_phone'; weight: number }
  /** Adds weight once the contact has sent at least `min` messages. */
  | { type: 'inbound_messages'; min: number; weight: number }
  | { type: 'quote_requested'; weight: number }
  /** Adds weight × the stage's probability / 100. */
  | { type: 'stage_probability'; weight: number }
  /** Subtracts `perDay` points per whole day since the last activity, at most `max`. */
  | { type: 'inactivity_decay'; perDay: number; max: number };

export type ScoringSignalType = ScoringSignal['type'];

export const SIGNAL_TYPES: readonly ScoringSignalType[] = ['has_email', 'has_phone', 'inbound_messages', 'quote_requested', 'stage_probability', 'inactivity_decay'];

export interface LeadFacts {
  hasEmail: boolean;
  hasPhone: boolean;
  inboundMessages: number;
  quoteRequested: boolean;
  /** 0–100. */
  stageProbability: number;
  lastActivityAt: Date;
}

/** What a tenant scores with until it sets its own rules. */
export const DEFAULT_SCORING_SIGNALS: ScoringSignal[] = [
  { type: 'has_email', weight: 15 },
  { type: 'has_phone', weight: 15 },
  { type: 'inbound_messages', min: 3, weight: 20 },
  { type: 'quote_requested', weight: 25 },
  { type: 'stage_probability', weight: 25 },
  { type: 'inactivity_decay', perDay: 2, max: 30 },
];

const DAY_MS = 24 * 60 * 60 * 1000;

export function signalPoints(signal: ScoringSignal, facts: LeadFacts, now: Date): number {
  switch (signal.type) {
    case 'has_email':
      return facts.hasEmail ? signal.weight : 0;
    case 'has_phone':
      return facts.hasPhone ? signal.weight : 0;
    case 'inbound_messages':
      return facts.inboundMessages >= signal.min ? signal.weight : 0;
    case 'quote_requested':
      return facts.quoteRequested ? signal.weight : 0;
    case 'stage_probability':
      return (signal.weight * facts.stageProbability) / 100;
    case 'inactivity_decay': {
      const days = Math.max(0, Math.floor((now.getTime() - facts.lastActivityAt.getTime()) / DAY_MS));
      return -Math.min(signal.max, days * signal.perDay);
    }
  }
}

export function scoreLead(signals: readonly ScoringSignal[], facts: LeadFacts, now: Date): number {
  const total = signals.reduce((sum, signal) => sum + signalPoints(signal, facts, now), 0);
  return Math.min(100, Math.max(0, Math.round(total)));
}
