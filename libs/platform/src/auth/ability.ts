import { AbilityBuilder, createMongoAbility, MongoAbility, subject } from '@casl/ability';
import { permittedFieldsOf } from '@casl/ability/extra';
import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '../http/problem';

export type Action = 'manage' | 'create' | 'read' | 'update' | 'delete';
export type Subject =
  | 'all'
  | 'Tenant'
  | 'Member'
  | 'Invitation'
  | 'ApiKey'
  | 'AuditLog'
  | 'Channel'
  | 'Contact'
  | 'Lead'
  | 'Conversation'
  | 'Task'
  | 'Note'
  | 'Pipeline'
  | 'ScoringRule'
  | 'Job'
  | 'Faq'
  | 'BotText'
  | 'BotSettings'
  | 'Catalog'
  | 'Playbook'
  | 'Analytics';

/** A subject type name, or a loaded record tagged with its type (see asSubject) for ownership rules. */
export type AppAbility = MongoAbility<[Action, Subject | Record<string, unknown>]>;

/** Tags a loaded record with its subject type, so rules with conditions (ownership) can judge it. */
export function asSubject(type: Exclude<Subject, 'all'>, record: Record<string, unknown>): Record<string, unknown> {
  return subject(type, { ...record });
}

const SALES_WORK: Subject[] = ['Contact', 'Lead', 'Pipeline', 'Conversation', 'Task', 'Note', 'Faq', 'BotText', 'BotSettings', 'Catalog', 'Playbook', 'Job'];

/**
 * The spec's role table as CASL rules; Member, Invitation, ApiKey, AuditLog and Channel are
 * reached only through owner's and admin's `manage all`. Ownership rules (an agent may change only what is assigned
 * to them or unassigned) carry conditions that handlers check again on the loaded subject.
 */
export function defineAbilityFor(role: string, userId: string): AppAbility {
  const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  switch (role) {
    case 'owner':
      can('manage', 'all');
      break;
    case 'admin':
      can('manage', 'all');
      cannot('delete', 'Tenant');
      break;
    case 'manager':
      can('read', 'Tenant');
      can('manage', SALES_WORK);
      can('manage', 'ScoringRule');
      can('read', 'Analytics');
      break;
    case 'agent':
      can('read', ['Tenant', 'Contact', 'Lead', 'Pipeline', 'Conversation', 'Task', 'Note', 'Faq', 'BotText', 'Catalog', 'Job']);
      can('update', ['Lead', 'Conversation'], { assigneeId: { $in: [userId, null] } });
      can('create', 'Note');
      // Agents create and change their own tasks only.
      can(['create', 'update'], 'Task', { assigneeId: userId });
      break;
    case 'viewer':
      can('read', ['Tenant', ...SALES_WORK, 'Analytics']);
      // Field-level rule: viewers never see a contact's email or phone.
      cannot('read', 'Contact', ['email', 'phone']);
      break;
  }
  return build();
}

/** Refuses an action on a loaded record (ownership rules): 403 problem+json. */
export function assertCan(ability: AppAbility, action: Action, type: Exclude<Subject, 'all'>, record: Record<string, unknown>): void {
  if (!ability.can(action, asSubject(type, record))) {
    throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', `Your role does not allow you to ${action} this ${type.toLowerCase()}`);
  }
}

export const MASK = '***';

/**
 * Masks the fields of a record the ability may not read (a viewer sees a contact's email and phone
 * as ***). Responses and exports of a subject go through this before they leave the api.
 */
export function maskFields<T extends Record<string, unknown>>(ability: AppAbility, type: Exclude<Subject, 'all'>, record: T): T {
  const readable = permittedFieldsOf(ability, 'read', asSubject(type, record), { fieldsFrom: (rule) => rule.fields ?? Object.keys(record) });
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, readable.includes(key) || value === null ? value : MASK])) as T;
}
