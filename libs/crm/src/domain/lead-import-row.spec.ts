import { ContactFieldError } from './contact-fields';
import { ImportDefaults, ImportHeaderError, mapImportRow, resolveHeader, toMinorUnits } from './lead-import-row';

const stage = (name: string, kind: 'open' | 'won' | 'lost' = 'open') => ({ id: `id-${name}`, pipelineId: 'p', name, kind, probability: 40 });
const defaults: ImportDefaults = {
  stages: new Map([stage('New'), stage('Qualified'), stage('Won', 'won')].map((row) => [row.name.toLowerCase(), row])),
  first: stage('New'),
  currency: 'USD',
};
const header = resolveHeader(['name', 'email', 'phone', 'title', 'value', 'currency', 'stage', 'tags', 'Company'], {});

describe('lead import rows', () => {
  it('maps a full row, normalising email, phone, money and tags', () => {
    const row = mapImportRow(['Ada', 'Ada@Example.com', '+1 415 555 2671', 'Fleet', '1,299.50', 'eur', 'qualified', 'VIP; q4|vip', 'Acme'], header, defaults);
    expect(row).toEqual({
      contact: { name: 'Ada', email: 'ada@example.com', phone: '+14155552671', locale: null, attributes: { Company: 'Acme' } },
      lead: { title: 'Fleet', valueMinor: 129950, currency: 'EUR', stage: stage('Qualified'), tags: ['vip', 'q4'], expectedCloseDate: null },
    });
  });

  it('fills defaults: first stage, USD, title from the name, no value', () => {
    const row = mapImportRow(['Bob', '', '', '', '', '', '', '', ''], header, defaults);
    expect(row.lead).toEqual({ title: 'Bob', valueMinor: 0, currency: 'USD', stage: stage('New'), tags: [], expectedCloseDate: null });
  });

  it('refuses bad rows with the field named', () => {
    const bad = (values: string[]) => () => mapImportRow(values, header, defaults);
    expect(bad(['A', 'not-an-email', '', '', '', '', '', '', ''])).toThrow(expect.objectContaining({ field: 'email' }));
    expect(bad(['A', '', '12', '', '', '', '', '', ''])).toThrow(expect.objectContaining({ field: 'phone' }));
    expect(bad(['A', '', '', '', '-5', '', '', '', ''])).toThrow(expect.objectContaining({ field: 'value' }));
    expect(bad(['A', '', '', '', '1.234', 'EUR', '', '', ''])).toThrow(/more decimals/);
    expect(bad(['A', '', '', '', '', 'EURO', '', '', ''])).toThrow(expect.objectContaining({ field: 'currency' }));
    expect(bad(['A', '', '', '', '', '', 'Nope', '', ''])).toThrow(expect.objectContaining({ field: 'stage' }));
    expect(bad(['', '', '', 'Title only', '', '', '', '', ''])).toThrow(ContactFieldError);
  });

  it('knows each currency’s minor units', () => {
    expect(toMinorUnits('1200', 'JPY')).toBe(1200);
    expect(toMinorUnits('1.5', 'KWD')).toBe(1500);
    expect(toMinorUnits('0.07', 'USD')).toBe(7);
  });

  it('renames columns with a mapping, skips with "", and checks the header', () => {
    expect(resolveHeader(['Full name', 'E-mail', 'Notes'], { 'Full name': 'name', 'e-mail': 'email', Notes: '' })).toEqual([{ column: 'name' }, { column: 'email' }, { skip: true }]);
    expect(resolveHeader(['Expected_Close_Date', 'Phone'], {})).toEqual([{ column: 'expectedclosedate' }, { column: 'phone' }]);
    expect(() => resolveHeader(['title', 'value'], {})).toThrow(ImportHeaderError);
    expect(() => resolveHeader(['email', 'Email'], {})).toThrow(/Two columns/);
    expect(() => resolveHeader(['x'], { x: 'nonsense' })).toThrow(/not a column/);
  });
});
