import { WindowGate } from './window-gate';

describe('WindowGate', () => {
  it('lets the first event of a key through, holds the others back for the window, and counts them for the next one through', () => {
    const gate = new WindowGate(1000);
    expect(gate.pass('a', 0)).toEqual({ pass: true, held: 0 });
    expect(gate.pass('a', 10)).toEqual({ pass: false });
    expect(gate.pass('a', 999)).toEqual({ pass: false });
    expect(gate.pass('b', 20)).toEqual({ pass: true, held: 0 });
    expect(gate.pass('a', 1000)).toEqual({ pass: true, held: 2 });
    expect(gate.pass('a', 1500)).toEqual({ pass: false });
    expect(gate.pass('a', 5000)).toEqual({ pass: true, held: 1 });
  });

  it('forgets the oldest key beyond its size', () => {
    const gate = new WindowGate(1000, 2);
    gate.pass('a', 0);
    gate.pass('b', 0);
    gate.pass('c', 0);
    expect(gate.pass('a', 1)).toEqual({ pass: true, held: 0 });
    expect(gate.pass('c', 1)).toEqual({ pass: false });
  });
});
