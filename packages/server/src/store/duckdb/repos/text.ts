import type { Enrichment } from '../../../domains/text/enrich.js';
import type { Topic } from '../../../domains/text/taxonomy.js';
import type { EnrichmentRecord, TextRepo } from '../../text-port.js';
import type { DuckDbDatabase, SqlExecutor, SqlParam } from '../database.js';
import { type Row, str, strOrNull } from '../values.js';

/** Rows per multi-row INSERT: DuckDB binds each value, so this bounds the statement size, not the batch. */
const chunkSize = 200;

const jsonValue = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
const stringList = (v: unknown): string[] => (jsonValue(v) as unknown[]).map(String);

function toTopic(r: Row): Topic {
  return {
    id: str(r.id),
    name: { de: str(r.name_de), en: str(r.name_en) },
    keywords: stringList(r.keywords),
    phrases: stringList(r.phrases),
  };
}

function toRecord(r: Row): EnrichmentRecord {
  const enrichment: Enrichment = {
    language: str(r.language) as Enrichment['language'],
    sentiment: {
      label: str(r.sentiment_label) as Enrichment['sentiment']['label'],
      score: Number(r.sentiment_score),
    },
    sentences: jsonValue(r.sentences) as Enrichment['sentences'],
    topics: jsonValue(r.topics) as Enrichment['topics'],
    pii: jsonValue(r.pii) as Enrichment['pii'],
    redacted: str(r.redacted),
  };
  return {
    workspaceId: str(r.workspace_id),
    responseId: str(r.response_id),
    questionId: str(r.question_id),
    profileId: strOrNull(r.profile_id),
    answeredAt: str(r.answered_at),
    taxonomyVersion: Number(r.taxonomy_version),
    enrichedAt: str(r.enriched_at),
    enrichment,
  };
}

async function insertRows(
  tx: SqlExecutor,
  head: string,
  placeholders: string,
  rows: SqlParam[][],
): Promise<void> {
  const width = rows[0]?.length ?? 0;
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize);
    let n = 0;
    const values = chunk.map(() => `(${placeholders.replace(/\?/g, () => `$${++n}`)})`).join(', ');
    if (width > 0) await tx.run(`${head} VALUES ${values}`, chunk.flat());
  }
}

/** Text enrichments are derived from a response: deleting the response runs this in its own transaction. */
export async function deleteTextOfResponse(
  tx: SqlExecutor,
  workspaceId: string,
  responseId: string,
): Promise<void> {
  await tx.run('DELETE FROM text_topic_mentions WHERE workspace_id = $1 AND response_id = $2', [
    workspaceId,
    responseId,
  ]);
  await tx.run('DELETE FROM text_enrichments WHERE workspace_id = $1 AND response_id = $2', [
    workspaceId,
    responseId,
  ]);
}

export function textRepo(database: DuckDbDatabase): TextRepo {
  const db = database.autocommit;
  return {
    async taxonomy(workspaceId) {
      const head = await db.all('SELECT version FROM text_taxonomies WHERE workspace_id = $1', [workspaceId]);
      if (!head[0]) return null;
      const rows = await db.all(
        'SELECT id, name_de, name_en, keywords, phrases FROM text_topics WHERE workspace_id = $1 ORDER BY position, id',
        [workspaceId],
      );
      return { version: Number(head[0].version), topics: rows.map(toTopic) };
    },

    async saveTaxonomy(workspaceId, taxonomy, at) {
      await database.transaction(async (tx) => {
        await tx.run('DELETE FROM text_topics WHERE workspace_id = $1', [workspaceId]);
        await tx.run('DELETE FROM text_taxonomies WHERE workspace_id = $1', [workspaceId]);
        await tx.run('INSERT INTO text_taxonomies VALUES ($1, $2, $3::TIMESTAMPTZ)', [
          workspaceId,
          taxonomy.version,
          at,
        ]);
        await insertRows(
          tx,
          'INSERT INTO text_topics (workspace_id, id, name_de, name_en, keywords, phrases, position, created_at, updated_at)',
          '?, ?, ?, ?, ?::JSON, ?::JSON, ?, ?::TIMESTAMPTZ, ?::TIMESTAMPTZ',
          taxonomy.topics.map((t, position) => [
            workspaceId,
            t.id,
            t.name.de,
            t.name.en,
            JSON.stringify(t.keywords),
            JSON.stringify(t.phrases),
            position,
            at,
            at,
          ]),
        );
      });
    },

    async saveEnrichments(records) {
      if (records.length === 0) return;
      await database.transaction(async (tx) => {
        for (const r of records) {
          // Replacing means the old topic mentions go too; answers are few per response, so one delete each is fine.
          await tx.run(
            'DELETE FROM text_enrichments WHERE workspace_id = $1 AND response_id = $2 AND question_id = $3',
            [r.workspaceId, r.responseId, r.questionId],
          );
          await tx.run(
            'DELETE FROM text_topic_mentions WHERE workspace_id = $1 AND response_id = $2 AND question_id = $3',
            [r.workspaceId, r.responseId, r.questionId],
          );
        }
        await insertRows(
          tx,
          'INSERT INTO text_enrichments (workspace_id, response_id, question_id, profile_id, answered_at, language, sentiment_label, sentiment_score, sentences, topics, pii, redacted, taxonomy_version, enriched_at)',
          '?, ?, ?, ?, ?::TIMESTAMPTZ, ?, ?, ?, ?::JSON, ?::JSON, ?::JSON, ?, ?, ?::TIMESTAMPTZ',
          records.map((r) => [
            r.workspaceId,
            r.responseId,
            r.questionId,
            r.profileId,
            r.answeredAt,
            r.enrichment.language,
            r.enrichment.sentiment.label,
            r.enrichment.sentiment.score,
            JSON.stringify(r.enrichment.sentences),
            JSON.stringify(r.enrichment.topics),
            JSON.stringify(r.enrichment.pii),
            r.enrichment.redacted,
            r.taxonomyVersion,
            r.enrichedAt,
          ]),
        );
        await insertRows(
          tx,
          'INSERT INTO text_topic_mentions (workspace_id, response_id, question_id, profile_id, topic_id, answered_at, sentiment_label, sentiment_score, mentions)',
          '?, ?, ?, ?, ?, ?::TIMESTAMPTZ, ?, ?, ?',
          records.flatMap((r) =>
            r.enrichment.topics.map((t) => [
              r.workspaceId,
              r.responseId,
              r.questionId,
              r.profileId,
              t.id,
              r.answeredAt,
              t.sentiment.label,
              t.sentiment.score,
              t.mentions,
            ]),
          ),
        );
      });
    },

    async textAnswers(workspaceId, { limit, after }) {
      const rows = await db.all(
        `SELECT workspace_id, response_id, question_id, profile_id, answered_at, text_value FROM survey_answers
         WHERE workspace_id = $1 AND question_type = 'text' AND text_value IS NOT NULL
           AND ($2::VARCHAR IS NULL OR (response_id, question_id) > ($2, $3))
         ORDER BY response_id, question_id LIMIT $4`,
        [workspaceId, after?.responseId ?? null, after?.questionId ?? null, limit],
      );
      return rows.map((r) => ({
        workspaceId: str(r.workspace_id),
        responseId: str(r.response_id),
        questionId: str(r.question_id),
        profileId: strOrNull(r.profile_id),
        answeredAt: str(r.answered_at),
        text: str(r.text_value),
      }));
    },

    async redactedVerbatims(workspaceId, from, to, limit) {
      const rows = await db.all(
        `SELECT redacted, language, answered_at FROM text_enrichments
         WHERE workspace_id = $1 AND answered_at >= $2::TIMESTAMPTZ AND answered_at < $3::TIMESTAMPTZ
         ORDER BY answered_at DESC LIMIT $4`,
        [workspaceId, from, to, limit],
      );
      return rows.map((r) => ({
        redacted: str(r.redacted),
        language: str(r.language),
        answeredAt: str(r.answered_at),
      }));
    },

    async enrichment(workspaceId, responseId, questionId) {
      const rows = await db.all(
        `SELECT * FROM text_enrichments WHERE workspace_id = $1 AND response_id = $2 AND question_id = $3`,
        [workspaceId, responseId, questionId],
      );
      return rows[0] ? toRecord(rows[0]) : null;
    },

    async enrichmentsOf(workspaceId, responseIds) {
      if (responseIds.length === 0) return [];
      const rows = await db.all(
        `SELECT * FROM text_enrichments
          WHERE workspace_id = $1 AND response_id IN (SELECT unnest($2::VARCHAR[]))`,
        [workspaceId, JSON.stringify(responseIds)],
      );
      return rows.map(toRecord);
    },

    async deleteForResponse(workspaceId, responseId) {
      await database.transaction((tx) => deleteTextOfResponse(tx, workspaceId, responseId));
    },

    async deleteForProfile(workspaceId, profileId) {
      await database.transaction(async (tx) => {
        await tx.run('DELETE FROM text_topic_mentions WHERE workspace_id = $1 AND profile_id = $2', [
          workspaceId,
          profileId,
        ]);
        await tx.run('DELETE FROM text_enrichments WHERE workspace_id = $1 AND profile_id = $2', [
          workspaceId,
          profileId,
        ]);
      });
    },
  };
}
