import type { Store } from '../../store/port.js';
import type { Ingestor } from '../collect/ingestor.js';
import type { Clock } from '../context.js';
import { type SegmentCatalog, segmentCatalog } from '../segments/segment-catalog.js';
import { type TouchpointCatalog, touchpointCatalog } from '../touchpoints/touchpoint-catalog.js';
import { FatigueLedger } from './fatigue.js';
import { JourneyBuffer } from './journey-buffer.js';
import { RespondentCache } from './respondent-cache.js';
import { ResponseIdFilter } from './response-id-filter.js';
import { ResponseWriter } from './response-writer.js';
import { SurveyCatalog } from './survey-catalog.js';

/** The long-lived parts of the survey domain, built once per app. */
export interface SurveyServices {
  store: Store;
  ingestor: Ingestor;
  now: Clock;
  catalog: SurveyCatalog;
  ledger: FatigueLedger;
  writer: ResponseWriter;
  respondents: RespondentCache;
  /** Response ids that certainly are not stored yet (see response-id-filter.ts). */
  responseIds: ResponseIdFilter;
  journeys: JourneyBuffer;
  touchpoints: TouchpointCatalog;
  segments: SegmentCatalog;
}

export function createSurveyServices(
  store: Store,
  ingestor: Ingestor,
  now: Clock,
  touchpoints: TouchpointCatalog = touchpointCatalog(store),
  segments: SegmentCatalog = segmentCatalog(store),
): SurveyServices {
  const catalog = new SurveyCatalog(store, now);
  const ledger = new FatigueLedger(store, now);
  // Bounded, so a stuck store write slows the survey side down instead of stopping it.
  const storeCaughtUp = () => ingestor.caughtUp(5_000);
  const respondents = new RespondentCache(store, now, storeCaughtUp);
  const journeys = new JourneyBuffer(store, storeCaughtUp);
  const responseIds = new ResponseIdFilter(store);
  // Synchronous on purpose: it runs as soon as a batch is durable, before its requests are answered, so a visitor
  // seen by ingestion is known to eligibility and response writes without a store read (and before the store has
  // the batch: the caches are the survey side's view of every acknowledged event).
  ingestor.onDurable((stored) => {
    const created = respondents.observe(stored);
    // Only workspaces with survey traffic keep journeys in memory: ingestion of every other workspace pays nothing
    // here, and a workspace that starts using surveys later reads earlier journeys from the store once.
    const followed = stored.filter((m) => respondents.follows(m.workspaceId));
    if (followed.length) journeys.observe(followed, created);
  });
  const writer = new ResponseWriter(store, ingestor, {
    respondents,
    responseIds,
    catalog,
    ledger,
    journeys,
    touchpoints,
    now,
  });
  store.onReplaced(() => {
    writer.forgetPending();
    catalog.forgetAll();
    ledger.forgetAll();
    respondents.forgetAll();
    journeys.forgetAll();
    responseIds.forgetAll();
  });
  return {
    store,
    ingestor,
    now,
    catalog,
    ledger,
    writer,
    respondents,
    responseIds,
    journeys,
    touchpoints,
    segments,
  };
}
