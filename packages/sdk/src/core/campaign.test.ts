import { describe, expect, it } from 'vitest';
import { parseCampaign } from './campaign.js';

describe('parseCampaign', () => {
  it('maps the five standard UTM parameters to Segment campaign fields', () => {
    const search =
      '?utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale&utm_term=shoes&utm_content=hero';
    expect(parseCampaign(search)).toEqual({
      source: 'newsletter',
      medium: 'email',
      name: 'spring_sale',
      term: 'shoes',
      content: 'hero',
    });
  });

  it('decodes percent-encoding and plus signs', () => {
    expect(parseCampaign('?utm_campaign=Fr%C3%BChling+2026&utm_source=a%26b')).toEqual({
      name: 'Frühling 2026',
      source: 'a&b',
    });
  });

  it('keeps other utm_* keys without the prefix and ignores non-UTM and empty parameters', () => {
    expect(parseCampaign('?q=1&utm_id=42&UTM_Medium=cpc&utm_term=&utm_=x')).toEqual({
      id: '42',
      medium: 'cpc',
    });
  });

  it('returns undefined when there is no campaign, so the context field is left out', () => {
    expect(parseCampaign('')).toBeUndefined();
    expect(parseCampaign('?page=2')).toBeUndefined();
  });
});
