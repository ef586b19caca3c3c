import type { Store } from '../../store/port.js';
import type { Ingestor } from '../collect/ingestor.js';
import type { Clock } from '../context.js';
import { FatigueLedger } from './fatigue.js';
import { RespondentCache } from './respondent-cache.js';
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
}

export function createSurveyServices(store: Store, ingestor: Ingestor, now: Clock): SurveyServices {
  const catalog = new SurveyCatalog(store, now);
  const ledger = new FatigueLedger(store, now);
  const respondents = new RespondentCache(store, now);
  store.onReplaced(() => {
    catalog.forgetAll();
    ledger.forgetAll();
    respondents.forgetAll();
  });
  return {
    store,
    ingestor,
    now,
    catalog,
    ledger,
    writer: new ResponseWriter(store, catalog, ledger, now),
    respondents,
  };
}
