import { BatchBody, type MessageType, SingleMessageBody } from '@cairn/protocol';
import sjson from 'secure-json-parse';
import { CairnError, type ErrorCode } from '../../../errors/catalogue.js';
import { type ValidationIssue, validationError } from '../../../errors/validation-error.js';
import { jsonSchemaValidator } from '../../../json-schema.js';
import { parseWellFormed } from '../../../well-formed.js';
import { messagesOfBody } from '../journal/body-messages.js';
import type { PreparedMessage, Rejection } from '../prepared-message.js';
import { prepareAll } from '../steps/prepare.js';
import type { IpMode } from '../steps/pseudonymise-ip.js';
import { validateAll } from '../steps/validate.js';

/** One HTTP ingestion body to prepare, with the facts of its request. Plain data: it crosses to a worker. */
export interface PrepareInput {
  shape: 'batch' | 'single';
  bytes: Uint8Array;
  typeFromPath: MessageType | null;
  /** epoch milliseconds */
  receivedAt: number;
  requestIp: string | null;
  requestUserAgent: string | null;
  ipMode: IpMode;
  requestKey: string;
}

/** A CairnError as plain data (errors do not survive the trip between threads as instances). */
export interface PlainError {
  code: ErrorCode;
  params: Record<string, unknown>;
  details?: unknown;
}

export type PrepareOutput =
  | { ok: false; error: PlainError }
  | {
      ok: true;
      /** A write key sent in the body (Segment allows it instead of Basic auth). */
      writeKey: string | undefined;
      /** How many messages the body held. */
      received: number;
      rejected: Rejection[];
      /** Valid messages, prepared, with `workspaceId` still empty: it depends on the write key. */
      prepared: PreparedMessage[];
      /** Position of each prepared message in the body. */
      indexes: number[];
      /** Seconds spent validating and preparing (for the per-step metrics). */
      seconds: { validate: number; prepare: number };
    };

const exact = jsonSchemaValidator(false);
const envelopes = { batch: exact.compile(BatchBody), single: exact.compile(SingleMessageBody) };

/**
 * JSON.parse with Fastify's prototype-poisoning rules (a `__proto__` or `constructor.prototype` key is an error),
 * strings made well-formed Unicode (well-formed.ts). Bodies without \u escapes can neither hide such a key nor
 * escape a lone surrogate: they skip secure-json-parse's scan and the surrogate check (byte searches are far
 * cheaper than regular expressions on the text).
 */
function parseJson(bytes: Buffer): unknown {
  const text = bytes.toString('utf8');
  if (!bytes.includes('\\u') && !bytes.includes('__proto__') && !bytes.includes('constructor')) {
    return JSON.parse(text);
  }
  return parseWellFormed(text, (json) =>
    sjson.parse(json, { protoAction: 'error', constructorAction: 'error' }),
  );
}

const plain = (error: CairnError): PlainError => ({
  code: error.code,
  params: error.params,
  details: error.details,
});

/**
 * Everything ingestion does with a request body before the writer: parse (with Fastify's prototype-poisoning
 * rules), check the envelope (the route's body schema), then validate and prepare every message. A pure function
 * of its input, run in a worker thread so the event loop keeps only the writer's work (see prepare-pool.ts).
 */
export function prepareRequest(input: PrepareInput): PrepareOutput {
  let body: unknown;
  try {
    body = parseJson(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength));
  } catch (error) {
    return {
      ok: false,
      error: plain(new CairnError('CAIRN_MALFORMED_JSON', { reason: (error as Error).message })),
    };
  }
  const envelope = envelopes[input.shape];
  if (!envelope(body)) {
    return { ok: false, error: plain(validationError('body', (envelope.errors ?? []) as ValidationIssue[])) };
  }
  const { messages, batchSentAt, batchContext } = messagesOfBody(input.shape, body);
  const facts = {
    workspaceId: '',
    receivedAt: new Date(input.receivedAt),
    requestIp: input.requestIp,
    requestUserAgent: input.requestUserAgent,
    batchSentAt,
    batchContext,
    ipMode: input.ipMode,
    requestKey: input.requestKey,
  };
  const started = performance.now();
  const { valid, rejected } = validateAll(messages, input.typeFromPath ?? undefined);
  const validated = performance.now();
  const prepared = prepareAll(valid, facts);
  const done = performance.now();
  const writeKey = (body as { writeKey?: unknown }).writeKey;
  return {
    ok: true,
    writeKey: typeof writeKey === 'string' ? writeKey : undefined,
    received: messages.length,
    rejected,
    prepared,
    indexes: valid.map((v) => v.index),
    seconds: { validate: (validated - started) / 1000, prepare: (done - validated) / 1000 },
  };
}
