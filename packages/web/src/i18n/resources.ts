import journeysDe from '../journeys/journeys.de.json';
import journeysEn from '../journeys/journeys.en.json';
import overviewDe from '../overview/overview.de.json';
import overviewEn from '../overview/overview.en.json';
import profilesDe from '../profiles/profiles.de.json';
import profilesEn from '../profiles/profiles.en.json';
import responsesDe from '../responses/responses.de.json';
import responsesEn from '../responses/responses.en.json';
import surveysDe from '../surveys/surveys.de.json';
import surveysEn from '../surveys/surveys.en.json';
import touchpointsDe from '../touchpoints/touchpoints.de.json';
import touchpointsEn from '../touchpoints/touchpoints.en.json';
import baseDe from './de.json';
import baseEn from './en.json';

/**
 * One catalogue per language, assembled from the shared texts (i18n/*.json) and one file per screen area, so each
 * area keeps its texts beside its code. The area name is the top-level key: t('journeys.title').
 */
export const en = {
  ...baseEn,
  overview: overviewEn,
  journeys: journeysEn,
  touchpoints: touchpointsEn,
  surveys: surveysEn,
  responses: responsesEn,
  profiles: profilesEn,
};

export const de = {
  ...baseDe,
  overview: overviewDe,
  journeys: journeysDe,
  touchpoints: touchpointsDe,
  surveys: surveysDe,
  responses: responsesDe,
  profiles: profilesDe,
};
