import { parseSignals } from './scoring-signal-parser';

describe('scoring signal parsing', () => {
  it('keeps the fields each type needs', () => {
    expect(parseSignals([{ type: 'has_email', weight: 10 }, { type: 'inbound_messages', weight: 5, min: 3 }, { type: 'inactivity_decay', perDay: 1, max: 20 }])).toEqual({
      signals: [{ type: 'has_email', weight: 10 }, { type: 'inbound_messages', weight: 5, min: 3 }, { type: 'inactivity_decay', perDay: 1, max: 20 }],
    });
  });

  it('names a missing field', () => {
    expect(parseSignals([{ type: 'has_email', weight: 1 }, { type: 'inbound_messages', weight: 5 }])).toEqual({ field: 'signals.1.min', message: 'inbound_messages needs min' });
    expect(parseSignals([{ type: 'inactivity_decay', perDay: 1 }])).toEqual({ field: 'signals.0.max', message: 'inactivity_decay needs max' });
  });

  it('names a field the type does not take', () => {
    expect(parseSignals([{ type: 'has_phone', weight: 1, perDay: 2 }])).toEqual({ field: 'signals.0.perDay', message: 'has_phone takes no perDay' });
  });
});
