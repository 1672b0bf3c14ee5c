import { asSubject, defineAbilityFor, maskFields } from './ability';

const me = 'user-1';

describe('defineAbilityFor (the role table)', () => {
  it.each([
    ['owner', true, true],
    ['admin', true, false],
    ['manager', false, false],
    ['agent', false, false],
    ['viewer', false, false],
  ])('%s: audit log %s, delete tenant %s', (role, auditLog, deleteTenant) => {
    const ability = defineAbilityFor(role, me);
    expect(ability.can('read', 'AuditLog')).toBe(auditLog);
    expect(ability.can('manage', 'ApiKey')).toBe(auditLog);
    expect(ability.can('delete', 'Tenant')).toBe(deleteTenant);
  });

  it('lets managers run the sales work but not administer', () => {
    const ability = defineAbilityFor('manager', me);
    expect(ability.can('delete', 'Lead')).toBe(true);
    expect(ability.can('update', 'Faq')).toBe(true);
    expect(ability.can('read', 'Analytics')).toBe(true);
    expect(ability.can('read', 'Member')).toBe(false);
    expect(ability.can('update', 'Tenant')).toBe(false);
  });

  it('lets agents change only leads assigned to them or unassigned', () => {
    const ability = defineAbilityFor('agent', me);
    expect(ability.can('read', 'Lead')).toBe(true);
    expect(ability.can('update', asSubject('Lead', { assigneeId: me }))).toBe(true);
    expect(ability.can('update', asSubject('Lead', { assigneeId: null }))).toBe(true);
    expect(ability.can('update', asSubject('Lead', { assigneeId: 'someone-else' }))).toBe(false);
    expect(ability.can('delete', 'Lead')).toBe(false);
    expect(ability.can('create', 'Note')).toBe(true);
  });

  it('gives viewers read-only access and nothing administrative', () => {
    const ability = defineAbilityFor('viewer', me);
    expect(ability.can('read', 'Contact')).toBe(true);
    expect(ability.can('update', 'Contact')).toBe(false);
    expect(ability.can('read', 'AuditLog')).toBe(false);
  });

  it('gives an unknown role nothing', () => {
    expect(defineAbilityFor('intruder', me).can('read', 'Tenant')).toBe(false);
  });

  it('masks a contact email and phone for viewers only', () => {
    const contact = { id: 'c1', name: 'Ana', email: 'ana@example.com', phone: '+351912345678', locale: 'pt' };
    expect(maskFields(defineAbilityFor('viewer', me), 'Contact', contact)).toEqual({ ...contact, email: '***', phone: '***' });
    expect(maskFields(defineAbilityFor('agent', me), 'Contact', contact)).toEqual(contact);
    expect(maskFields(defineAbilityFor('viewer', me), 'Contact', { ...contact, phone: null })).toMatchObject({ email: '***', phone: null });
  });
});
