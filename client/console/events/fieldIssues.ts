import type { ConsoleKey } from '../i18n/en.ts';
import type { Vars } from '../i18n/translate.ts';

/** A problem with one field, as a message key the UI translates. */
export interface FieldIssue {
  key: ConsoleKey;
  vars?: Vars;
}

/** Problems by field path (`title`, `drops.0.supply`); `access` collects its sub-fields. */
export type FieldIssues = Record<string, FieldIssue[]>;

/** The parts of a zod 4 issue this module reads. */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  expected?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  format?: unknown;
  keys?: readonly string[];
}

const CUSTOM_MESSAGES: Record<string, ConsoleKey> = {
  'must not exceed durationMinutes': 'issue.attendOverDuration',
  'drop ids must be unique': 'issue.dropIdsUnique',
  'must be a lowercase-dashed id': 'issue.slug',
};

/** A schema issue as a translatable message; unknown custom messages pass through as written. */
export function describeIssue(issue: SchemaIssue): FieldIssue {
  const known = CUSTOM_MESSAGES[issue.message];
  if (known) return { key: known };
  const limit = (value: unknown) => (typeof value === 'bigint' ? Number(value) : (value as number));
  switch (issue.code) {
    case 'invalid_type':
      return { key: issue.expected === 'int' ? 'issue.integer' : 'issue.required' };
    case 'not_multiple_of':
      return { key: 'issue.integer' };
    case 'too_small':
      if (issue.origin === 'string' && limit(issue.minimum) === 1) return { key: 'issue.required' };
      return { key: 'issue.min', vars: { min: limit(issue.minimum) } };
    case 'too_big':
      return {
        key: issue.origin === 'string' ? 'issue.maxLength' : 'issue.max',
        vars: { max: limit(issue.maximum) },
      };
    case 'invalid_format':
      return { key: issue.format === 'datetime' ? 'issue.time' : 'issue.format' };
    case 'invalid_value':
    case 'invalid_union':
      return { key: 'issue.choice' };
    case 'unrecognized_keys':
      return { key: 'issue.unknownField', vars: { fields: (issue.keys ?? []).join(', ') } };
    default:
      return { key: 'issue.other', vars: { message: issue.message } };
  }
}

/** The field a path belongs to: `access.gate` is shown on the access select. */
export function fieldOf(path: readonly PropertyKey[]): string {
  if (path[0] === 'access') return 'access';
  return path.map(String).join('.');
}

function add(grouped: FieldIssues, field: string, issue: FieldIssue): void {
  const list = grouped[field] ?? [];
  list.push(issue);
  grouped[field] = list;
}

/** Groups schema issues by the field they belong to. */
export function issuesByField(issues: readonly SchemaIssue[]): FieldIssues {
  const grouped: FieldIssues = {};
  for (const issue of issues) add(grouped, fieldOf(issue.path), describeIssue(issue));
  return grouped;
}

/** The server's `detail` for a schema failure (`path: message; path: message`), grouped by field. */
export function issuesFromDetail(detail: string | undefined): FieldIssues {
  const grouped: FieldIssues = {};
  for (const part of (detail ?? '').split('; ')) {
    const colon = part.indexOf(': ');
    if (colon < 1) continue;
    const path = part.slice(0, colon).split('.');
    const message = part.slice(colon + 2);
    const field = path[0] === 'body' ? '' : fieldOf(path);
    add(grouped, field, { key: CUSTOM_MESSAGES[message] ?? 'issue.other', vars: { message } });
  }
  return grouped;
}
