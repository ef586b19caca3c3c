import type { Enrichment } from '../../../domains/text/enrich.js';
import type { Topic } from '../../../domains/text/taxonomy.js';
import type { EnrichmentRecord, TextRepo } from '../../text-port.js';
import type { DuckDbDatabase, SqlExecutor, SqlParam } from '../database.js';
import { type Row, str, strOrNull } from '../values.js';
import { type BulkTable, insertJsonRows } from './surveys-bulk-insert.js';

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

/** text_enrichments (migration 0007) for bulk inserts of new enrichments. */
const enrichmentTable: BulkTable = {
  name: 'text_enrichments',
  columns: {
    workspace_id: 'VARCHAR',
    response_id: 'VARCHAR',
    question_id: 'VARCHAR',
    profile_id: 'VARCHAR',
    answered_at: 'TIMESTAMPTZ',
    language: 'VARCHAR',
    sentiment_label: 'VARCHAR',
    sentiment_score: 'DOUBLE',
    sentences: 'JSON',
    topics: 'JSON',
    pii: 'JSON',
    redacted: 'VARCHAR',
    taxonomy_version: 'INTEGER',
    enriched_at: 'TIMESTAMPTZ',
  },
};
/** text_topic_mentions (migration 0007): one row per topic of each enrichment. */
const mentionTable: BulkTable = {
  name: 'text_topic_mentions',
  columns: {
    workspace_id: 'VARCHAR',
    response_id: 'VARCHAR',
    question_id: 'VARCHAR',
    profile_id: 'VARCHAR',
    topic_id: 'VARCHAR',
    answered_at: 'TIMESTAMPTZ',
    sentiment_label: 'VARCHAR',
    sentiment_score: 'DOUBLE',
    mentions: 'INTEGER',
  },
};

/** Inserts enrichments of answers that have none yet (new responses), with their topic mentions. */
export async function insertEnrichments(
  tx: SqlExecutor,
  records: readonly EnrichmentRecord[],
): Promise<void> {
  await insertJsonRows(
    tx,
    enrichmentTable,
    records.map((r) => ({
      workspace_id: r.workspaceId,
      response_id: r.responseId,
      question_id: r.questionId,
      profile_id: r.profileId,
      answered_at: r.answeredAt,
      language: r.enrichment.language,
      sentiment_label: r.enrichment.sentiment.label,
      sentiment_score: r.enrichment.sentiment.score,
      sentences: r.enrichment.sentences,
      topics: r.enrichment.topics,
      pii: r.enrichment.pii,
      redacted: r.enrichment.redacted,
      taxonomy_version: r.taxonomyVersion,
      enriched_at: r.enrichedAt,
    })),
  );
  await insertJsonRows(
    tx,
    mentionTable,
    records.flatMap((r) =>
      r.enrichment.topics.map((t) => ({
        workspace_id: r.workspaceId,
        response_id: r.responseId,
        question_id: r.questionId,
        profile_id: r.profileId,
        topic_id: t.id,
        answered_at: r.answeredAt,
        sentiment_label: t.sentiment.label,
        sentiment_score: t.sentiment.score,
        mentions: t.mentions,
      })),
    ),
  );
}

/** Inserts or replaces enrichments and their topic mentions, inside the caller's transaction. */
export async function replaceEnrichments(
  tx: SqlExecutor,
  records: readonly EnrichmentRecord[],
): Promise<void> {
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
  await insertEnrichments(tx, records);
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
      await database.transaction((tx) => replaceEnrichments(tx, records));
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
