import { createHash } from 'node:crypto';

/**
 * Turns rows from other systems (CSV lines, NDJSON objects) into Segment messages, so imported orders, returns,
 * tickets and calls go through the same pipeline as live events.
 *
 * A mapping says where a column goes: `order_id=messageId`, `customer=userId`, `total=properties.revenue`,
 * `mail=traits.email`, `source=context.channel`. Columns without a mapping become properties (CSV). Numeric
 * strings become numbers in properties and traits, because CSV has no types.
 */
export interface ImportMapping {
  /** column → target path */
  columns: Record<string, string>;
  /** Message type when no column gives one (default track). */
  type: string;
  /** Event name when no column gives one (track). */
  event?: string | undefined;
  /** Put unmapped columns into properties (CSV) or keep rows as they are (NDJSON messages). */
  unmapped: 'properties' | 'keep';
}

const topLevel = new Set([
  'type',
  'event',
  'name',
  'messageId',
  'userId',
  'anonymousId',
  'timestamp',
  'groupId',
  'previousId',
]);
const nested = /^(properties|traits|context)\.[\w.-]{1,100}$/;

export function isValidTarget(target: string): boolean {
  return topLevel.has(target) || nested.test(target);
}

/** Parses `--map column=target` options; throws with a message naming the bad option. */
export function parseColumnMappings(options: string[]): Record<string, string> {
  const columns: Record<string, string> = {};
  for (const option of options) {
    const at = option.lastIndexOf('=');
    const column = option.slice(0, at).trim();
    const target = option.slice(at + 1).trim();
    if (at <= 0 || !column || !isValidTarget(target)) {
      throw new Error(
        `--map ${option}: expected column=target, where target is one of ${[...topLevel].join(', ')}, ` +
          'properties.<name>, traits.<name> or context.<name>.',
      );
    }
    columns[column] = target;
  }
  return columns;
}

const numeric = /^-?(0|[1-9]\d*)(\.\d+)?$/;

function typed(value: unknown, path: string): unknown {
  if (typeof value !== 'string') return value;
  if (path.startsWith('properties.') || path.startsWith('traits.'))
    return numeric.test(value) ? Number(value) : value;
  return value;
}

/** Keys that would reach Object.prototype through a plain object: a hostile column name must not get there. */
const unsafeKeys = new Set(['__proto__', 'constructor', 'prototype']);

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, ...rest] = path.split('.');
  if (!head || unsafeKeys.has(head)) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const existing = Object.hasOwn(target, head) ? target[head] : undefined;
  let child = existing as Record<string, unknown>;
  if (typeof existing !== 'object' || existing === null) {
    child = {};
    target[head] = child;
  }
  setPath(child, rest.join('.'), value);
}

/**
 * One row → one message. Empty cells are left out (a CSV cannot tell empty from missing). Without a mapped
 * messageId the id is derived from the row's content, so importing the same file twice stores each row once.
 */
export function rowToMessage(row: Record<string, unknown>, mapping: ImportMapping): Record<string, unknown> {
  const message: Record<string, unknown> = mapping.unmapped === 'keep' ? structuredClone(row) : {};
  for (const [column, value] of Object.entries(row)) {
    if (value === '' || value === null || value === undefined) continue;
    const mapped = Object.hasOwn(mapping.columns, column) ? mapping.columns[column] : undefined;
    const target = mapped ?? (mapping.unmapped === 'properties' ? `properties.${column}` : undefined);
    if (!target) continue;
    if (mapping.unmapped === 'keep' && mapped) delete message[column];
    setPath(message, target, typed(value, target));
  }
  message.type ??= mapping.type;
  if (message.type === 'track' && mapping.event) message.event ??= mapping.event;
  message.messageId ??= `import-${createHash('sha256').update(JSON.stringify(row)).digest('hex').slice(0, 32)}`;
  return message;
}
