/**
 * The part of the storage port that holds text analytics: taxonomies and enrichments of open-text answers.
 * Enrichments are keyed by (workspaceId, responseId, questionId) and carry the profile id for erasure.
 */
import type { Enrichment } from '../domains/text/enrich.js';
import type { Topic } from '../domains/text/taxonomy.js';

export interface StoredTaxonomy {
  version: number;
  topics: Topic[];
}

export interface TextAnswer {
  workspaceId: string;
  responseId: string;
  questionId: string;
  profileId: string | null;
  answeredAt: string;
  text: string;
}

export interface EnrichmentRecord {
  workspaceId: string;
  responseId: string;
  questionId: string;
  profileId: string | null;
  answeredAt: string;
  taxonomyVersion: number;
  enrichedAt: string;
  enrichment: Enrichment;
}

export interface RedactedVerbatim {
  redacted: string;
  language: string;
  answeredAt: string;
}

export interface TextRepo {
  /** null until the workspace's taxonomy is first written (the domain then seeds the defaults). */
  taxonomy(workspaceId: string): Promise<StoredTaxonomy | null>;
  /** Replaces the whole taxonomy atomically and records `version`. */
  saveTaxonomy(workspaceId: string, taxonomy: StoredTaxonomy, at: string): Promise<void>;
  /** Inserts or replaces enrichments (and their topic mentions) atomically. */
  saveEnrichments(records: readonly EnrichmentRecord[]): Promise<void>;
  /** Open-text answers (survey_answers with question_type 'text'), oldest first, `limit` at a time after `after`. */
  textAnswers(
    workspaceId: string,
    page: { limit: number; after?: { responseId: string; questionId: string } | undefined },
  ): Promise<TextAnswer[]>;
  /** Redacted verbatims answered in [from, to). */
  redactedVerbatims(
    workspaceId: string,
    from: string,
    to: string,
    limit: number,
  ): Promise<RedactedVerbatim[]>;
  enrichment(workspaceId: string, responseId: string, questionId: string): Promise<EnrichmentRecord | null>;
  /** The enrichments of every text answer of these responses. */
  enrichmentsOf(workspaceId: string, responseIds: string[]): Promise<EnrichmentRecord[]>;
  /** Called when a response is deleted. */
  deleteForResponse(workspaceId: string, responseId: string): Promise<void>;
  /** Called on erasure of a profile. */
  deleteForProfile(workspaceId: string, profileId: string): Promise<void>;
}
