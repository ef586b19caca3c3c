import { RecordingReceiver } from './recording-receiver.js';

/** An event as the target stored it, reduced to what every target can tell. */
export interface IngestedEvent {
  type: string;
  event: string | null;
  messageId: string;
  userId: string | null;
  /** The channel the target attributed (the real server derives it); undefined if the target does not. */
  channel?: string;
  /** Segment `context` as stored. */
  context: Record<string, unknown>;
}

/**
 * Where the SDK under test sends its data. The same browser scenario runs against the recording receiver and
 * against the real Cairn server, so the SDK and the ingestion API are held to one contract.
 */
export interface IngestTarget {
  readonly label: string;
  readonly host: string;
  readonly writeKey: string;
  /** Polls until `isComplete` accepts the events stored for this visitor (or times out). */
  eventsOf(anonymousId: string, isComplete: (events: IngestedEvent[]) => boolean): Promise<IngestedEvent[]>;
  close(): Promise<void>;
}

export async function pollUntil<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`not stored within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startRecordingTarget(): Promise<IngestTarget> {
  const receiver = new RecordingReceiver();
  await receiver.start();
  return {
    label: 'recording receiver',
    host: receiver.url,
    writeKey: 'wk_recording',
    eventsOf: (anonymousId, isComplete) =>
      pollUntil(
        async () =>
          receiver
            .storedMessages()
            .filter((message) => message.anonymousId === anonymousId)
            .map((message) => ({
              type: message.type,
              event: message.event ?? null,
              messageId: message.messageId,
              userId: message.userId ?? null,
              context: message.context,
            })),
        isComplete,
      ),
    close: () => receiver.close(),
  };
}
