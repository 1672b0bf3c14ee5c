import { ScoringSignal, ScoringSignalType } from './lead-scoring';

export interface RawSignal {
  type: ScoringSignalType;
  weight?: number;
  min?: number;
  perDay?: number;
  max?: number;
}

/** Turns loosely typed signals into ScoringSignals, naming the first missing or stray field (`signals.2.min`). */
export function parseSignals(raw: RawSignal[]): { signals: ScoringSignal[] } | { field: string; message: string } {
  const signals: ScoringSignal[] = [];
  for (const [index, signal] of raw.entries()) {
    const required: (keyof RawSignal)[] = signal.type === 'inactivity_decay' ? ['perDay', 'max'] : signal.type === 'inbound_messages' ? ['weight', 'min'] : ['weight'];
    const present = (['weight', 'min', 'perDay', 'max'] as const).filter((key) => signal[key] !== undefined);
    const missing = required.find((key) => signal[key] === undefined);
    if (missing !== undefined) return { field: `signals.${index}.${missing}`, message: `${signal.type} needs ${missing}` };
    const stray = present.find((key) => !required.includes(key));
    if (stray !== undefined) return { field: `signals.${index}.${stray}`, message: `${signal.type} takes no ${stray}` };
    signals.push(Object.fromEntries([['type', signal.type], ...required.map((key) => [key, signal[key]])]) as ScoringSignal);
  }
  return { signals };
}
