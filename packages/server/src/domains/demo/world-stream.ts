import { plantedEffects } from './effects.js';
import { customerRecords } from './journey.js';
import { isSurveyResponse, resolveWorld, type WorldOptions, type WorldRecord } from './world.js';

export interface GenerationStats {
  customers: number;
  events: number;
  surveyResponses: number;
}

/**
 * The world as a lazy sequence of customers' records: one customer is generated at a time, so memory stays bounded
 * however large the world, and the first records exist before the rest is generated. Stops after `customers`
 * customers, or after exactly `maxEvents` Segment messages (the last customer is cut there).
 */
export function* worldRecords(options: WorldOptions, stats?: GenerationStats): Generator<WorldRecord[]> {
  const world = resolveWorld(options, plantedEffects.degradedTouchpoint.isoWeek);
  const maxCustomers = options.customers ?? Number.POSITIVE_INFINITY;
  const maxEvents = options.maxEvents ?? Number.POSITIVE_INFINITY;
  const counts = stats ?? { customers: 0, events: 0, surveyResponses: 0 };
  for (let index = 0; index < maxCustomers && counts.events < maxEvents; index++) {
    let records = customerRecords(world, index);
    let events = 0;
    let surveys = 0;
    for (let k = 0; k < records.length; k++) {
      if (isSurveyResponse(records[k] as WorldRecord)) surveys++;
      else if (counts.events + ++events === maxEvents) {
        records = records.slice(0, k + 1);
        break;
      }
    }
    counts.customers++;
    counts.events += events;
    counts.surveyResponses += surveys;
    yield records;
  }
}

/** NDJSON text, one chunk per group of customers (about 64 KB), for a stream writer with backpressure. */
export function* worldNdjson(options: WorldOptions, stats?: GenerationStats): Generator<string> {
  let chunk = '';
  for (const records of worldRecords(options, stats)) {
    for (const record of records) chunk += `${JSON.stringify(record)}\n`;
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
