import { limits, type MessageType, messageSchemas, messageTypes, type SegmentMessage } from '@cairn/protocol';
import Compile from 'typebox/compile';
import { isStorableInstant } from '../../../instants.js';
import type { Rejection, StepResult } from '../prepared-message.js';

/** Compiled once: TypeBox's JIT validators are what keep validation cheap on the hot path. */
const validators = Object.fromEntries(
  messageTypes.map((type) => [type, Compile(messageSchemas[type])]),
) as unknown as Record<MessageType, ReturnType<typeof Compile>>;

function describe(type: MessageType, message: unknown): string {
  const first = validators[type].Errors(message)[0];
  if (!first) return 'the message is invalid';
  const where = first.instancePath ? first.instancePath.slice(1).replaceAll('/', '.') : 'message';
  const params = first.params as { requiredProperties?: string[] } | undefined;
  if (first.keyword === 'required' && params?.requiredProperties?.length) {
    return `${params.requiredProperties.join(', ')} is required for ${type} messages`;
  }
  return `${where} ${first.message}`;
}

/**
 * An upper bound of the UTF-8 JSON size of `value`, stopping early once it passes `limit`: every character
 * counted as 3 bytes (UTF-8 of the Basic Multilingual Plane at most) plus quotes and separators.
 */
function sizeBound(value: unknown, limit: number): number {
  if (typeof value === 'string') return value.length * 3 + 3;
  if (value === null || typeof value !== 'object') return 25;
  let total = 2;
  if (Array.isArray(value)) {
    for (const item of value) {
      total += sizeBound(item, limit - total);
      if (total > limit) return total;
    }
    return total;
  }
  for (const key in value) {
    total += key.length * 3 + 4 + sizeBound((value as Record<string, unknown>)[key], limit - total);
    if (total > limit) return total;
  }
  return total;
}

/**
 * The message's size in bytes as JSON when it exceeds `limit`, else null. Serialising every message to measure
 * it was a tenth of the ingestion work per event; a cheap bound settles almost every message without it.
 */
function serialisedSizeAbove(message: unknown, limit: number): number | null {
  if (sizeBound(message, limit) <= limit) return null;
  const size = Buffer.byteLength(JSON.stringify(message));
  return size > limit ? size : null;
}

/** The message's own date-times (the schema checks their format, not whether the store can keep them). */
const timeFields = ['timestamp', 'originalTimestamp', 'sentAt'] as const;

/**
 * Checks one message against the Segment spec. `typeFromPath` is the type implied by /v1/{type};
 * inside /v1/batch every message names its own type.
 */
export function validateMessage(raw: unknown, typeFromPath?: MessageType): StepResult<SegmentMessage> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'invalid_message', message: 'a message must be a JSON object' };
  }
  const message = raw as Record<string, unknown>;
  if (typeFromPath && message.type === undefined) message.type = typeFromPath;
  const type = message.type;
  if (!(messageTypes as readonly unknown[]).includes(type)) {
    return {
      ok: false,
      reason: 'invalid_message',
      message: `type must be one of ${messageTypes.join(', ')} (got ${JSON.stringify(type ?? null)})`,
    };
  }
  if (typeFromPath && type !== typeFromPath) {
    return {
      ok: false,
      reason: 'invalid_message',
      message: `type ${String(type)} sent to /v1/${typeFromPath}`,
    };
  }
  const size = serialisedSizeAbove(message, limits.messageBytes);
  if (size !== null) {
    return {
      ok: false,
      reason: 'message_too_large',
      message: `the message is ${size} bytes; the limit is ${limits.messageBytes} bytes`,
    };
  }
  const validType = type as MessageType;
  if (!validators[validType].Check(message)) {
    return { ok: false, reason: 'invalid_message', message: describe(validType, message) };
  }
  const outOfRange = timeFields.find((field) => {
    const value = message[field];
    return typeof value === 'string' && !isStorableInstant(value);
  });
  if (outOfRange) {
    return {
      ok: false,
      reason: 'invalid_message',
      message: `${outOfRange} must lie between 0000-01-01 and 9999-12-31 (UTC)`,
    };
  }
  if (validType !== 'alias' && !message.userId && !message.anonymousId) {
    return { ok: false, reason: 'invalid_message', message: 'userId or anonymousId is required' };
  }
  return { ok: true, value: message as SegmentMessage };
}

/** Checks every message of a request: the valid ones with their index in it, the others as typed rejections. */
export function validateAll(messages: readonly unknown[], typeFromPath?: MessageType) {
  const rejected: Rejection[] = [];
  const valid: { message: SegmentMessage; index: number }[] = [];
  for (const [index, raw] of messages.entries()) {
    const checked = validateMessage(raw, typeFromPath);
    if (checked.ok) {
      valid.push({ message: checked.value, index });
      continue;
    }
    rejected.push({
      index,
      reason: checked.reason,
      code: checked.reason === 'message_too_large' ? 'CAIRN_MESSAGE_TOO_LARGE' : 'CAIRN_INVALID_MESSAGE',
      message: checked.message,
    });
  }
  return { valid, rejected };
}
