import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { DropReason } from './prepared-message.js';

export type IngestStep =
  | 'validate'
  | 'prepare'
  | 'dedupe'
  | 'resolve_identity'
  | 'journal'
  | 'persist'
  | 'after_commit';

/** Per-step timings and outcome counters of the ingestion pipeline, exported at /metrics. */
export function createIngestMetrics(
  registry: Registry,
  depth: {
    queued: () => number;
    unapplied: () => number;
    oldestUnappliedMs: () => number;
    knownIdentities: () => number;
  },
) {
  const stepSeconds = new Histogram({
    name: 'cairn_ingest_step_seconds',
    help:
      'Time spent in each ingestion step, per request (validate, prepare), per journaled batch (dedupe, ' +
      'resolve_identity, journal) or per store transaction (persist, after_commit).',
    labelNames: ['step'] as const,
    buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  const messages = new Counter({
    name: 'cairn_ingest_messages_total',
    help: 'Messages by outcome: stored, or dropped with a reason.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const batchSize = new Histogram({
    name: 'cairn_ingest_commit_batch_size',
    help: 'Messages per group commit.',
    buckets: [1, 10, 50, 100, 500, 1000, 5000, 10000],
    registers: [registry],
  });
  new Gauge({
    name: 'cairn_ingest_queue_messages',
    help: 'Messages accepted and waiting for the writer.',
    registers: [registry],
    collect() {
      this.set(depth.queued());
    },
  });
  new Gauge({
    name: 'cairn_ingest_unapplied_messages',
    help: 'Messages acknowledged (in the ingest journal) and not yet in the store.',
    registers: [registry],
    collect() {
      this.set(depth.unapplied());
    },
  });
  new Gauge({
    name: 'cairn_ingest_unapplied_age_seconds',
    help:
      'Age of the oldest acknowledged write not yet in the store (0 when none waits): how far reads lag behind. ' +
      'It keeps growing while storing fails.',
    registers: [registry],
    collect() {
      this.set(depth.oldestUnappliedMs() / 1000);
    },
  });
  const applyFailures = new Counter({
    name: 'cairn_ingest_apply_failures_total',
    help: 'Store transactions of acknowledged writes that failed; each is retried (the writes wait in the journal).',
    registers: [registry],
  });
  const setAside = new Counter({
    name: 'cairn_ingest_set_aside_messages_total',
    help: 'Acknowledged messages whose data the store refused, set aside into files so later ones could be stored.',
    registers: [registry],
  });
  new Gauge({
    name: 'cairn_ingest_known_identities',
    help: 'Identities whose fingerprints the writer holds in memory to recognise new identifiers without a lookup.',
    registers: [registry],
    collect() {
      this.set(depth.knownIdentities());
    },
  });
  return {
    time<T>(step: IngestStep, work: () => T): T {
      const end = stepSeconds.startTimer({ step });
      try {
        return work();
      } finally {
        end();
      }
    },
    async timeAsync<T>(step: IngestStep, work: () => Promise<T>): Promise<T> {
      const end = stepSeconds.startTimer({ step });
      try {
        return await work();
      } finally {
        end();
      }
    },
    /** A step timed elsewhere (in a worker thread). */
    observe(step: IngestStep, seconds: number): void {
      stepSeconds.observe({ step }, seconds);
    },
    stored: (n: number) => messages.inc({ outcome: 'stored' }, n),
    dropped: (reason: DropReason, n = 1) => messages.inc({ outcome: reason }, n),
    committed: (n: number) => batchSize.observe(n),
    applyFailed: () => applyFailures.inc(),
    setAside: (n: number) => setAside.inc(n),
  };
}

export type IngestMetrics = ReturnType<typeof createIngestMetrics>;
