// A generated world for the analytics benchmark, written with DuckDB's own SQL (fast, deterministic: every column
// derives from hash(i) of the row number, so each run builds the same data).
// Each profile's events cluster in a two-week stretch somewhere in the year, so funnels and paths have substance.

const events = [
  'Product Viewed',
  'Product Added',
  'Checkout Started',
  'Order Completed',
  'Search',
  'Email Opened',
  'Web Vitals',
];
const stages = ['Discover', 'Consider', 'Purchase', 'Deliver', 'Use', 'Service', 'Loyalty'];
const list = (items) => `[${items.map((s) => `'${s}'`).join(', ')}]`;

export async function generateWorld(database, { eventCount, profileCount }) {
  const db = database.autocommit;
  await db.run(
    `INSERT INTO profiles SELECT 'p' || i, 'bench', TIMESTAMPTZ '2025-06-01 00:00:00+00',
       CASE WHEN i % 50 = 49 THEN 'p' || (i - 1) END
     FROM range(${profileCount}) t(i)`,
  );
  // k picks the kind of event: 30% views, 15% adds, 10% checkouts, 8% orders, 15% pages, 10% searches, 6% e-mails, 6% vitals.
  await db.run(
    `INSERT INTO events (workspace_id, message_id, type, event, profile_id, anonymous_id, user_id, group_id, channel,
       occurred_at, original_timestamp, sent_at, received_at, properties, traits, context, ip, browser, os, device,
       page_url, page_path, page_title, referrer, utm_source, utm_medium, utm_campaign, ingest_seq)
     SELECT 'bench', 'm' || i, CASE WHEN k BETWEEN 63 AND 77 THEN 'page' ELSE 'track' END,
       CASE WHEN k < 30 THEN 'Product Viewed' WHEN k < 45 THEN 'Product Added' WHEN k < 55 THEN 'Checkout Started'
            WHEN k < 63 THEN 'Order Completed' WHEN k < 78 THEN NULL WHEN k < 88 THEN 'Search'
            WHEN k < 94 THEN 'Email Opened' ELSE 'Web Vitals' END,
       'p' || pid, NULL, NULL, NULL,
       CASE WHEN k BETWEEN 88 AND 93 THEN 'email' ELSE ${list(['web', 'app', 'store', 'web'])}[(1 + hash(i * 5 + 3) % 4)::BIGINT] END,
       when_at, NULL, NULL, when_at,
       CASE WHEN k BETWEEN 55 AND 62 THEN json_object('revenue', (hash(i * 5 + 4) % 20000) / 100.0)
            WHEN k >= 94 THEN json_object('lcp', hash(i * 5 + 4) % 5000) ELSE '{}'::JSON END,
       '{}', '{}', NULL, NULL, NULL, NULL, NULL,
       CASE WHEN k BETWEEN 63 AND 77 THEN ${list(['/', '/search', '/product', '/cart', '/help'])}[(1 + hash(i * 5 + 4) % 5)::BIGINT] END,
       NULL, NULL, NULL, NULL, NULL, i
     FROM (SELECT i, pid, hash(i * 5 + 1) % 100 AS k,
             TIMESTAMPTZ '2025-06-01 00:00:00+00' + to_seconds((hash(pid) % (351 * 86400))::BIGINT)
               + to_seconds((hash(i * 5 + 2) % (14 * 86400))::BIGINT) AS when_at
           FROM (SELECT i, hash(i * 5) % ${profileCount} AS pid FROM range(${eventCount}) t(i)))`,
  );
  await db.run(
    `INSERT INTO survey_responses (id, workspace_id, survey_id, survey_version, profile_id, channel, touchpoint_id,
       journey_stage, locale, device, status, started_at, updated_at, completed_at, journey_context, client_key)
     SELECT 'r' || i, 'bench', 's1', 1, 'p' || (hash(i * 3) % ${profileCount}), 'web', NULL,
       ${list(stages)}[(1 + hash(i * 3 + 1) % 7)::BIGINT], 'en', NULL, 'completed', when_at, when_at, when_at, '{}', NULL
     FROM (SELECT i, TIMESTAMPTZ '2025-06-01 00:00:00+00' + to_seconds((hash(i * 3 + 2) % (365 * 86400))::BIGINT) AS when_at
           FROM range(200000) t(i))`,
  );
  await db.run(
    `INSERT INTO survey_answers (workspace_id, response_id, survey_id, profile_id, question_id, question_type,
       number_value, text_value, json_value, answered_at, time_spent_ms)
     SELECT 'bench', r.id, 's1', r.profile_id, 'nps', 'nps', (hash(r.id) % 11)::DOUBLE, NULL, NULL, r.completed_at, NULL
     FROM survey_responses r WHERE r.workspace_id = 'bench'`,
  );
  await database.exclusive((c) => c.run('CHECKPOINT'));
  return { events, stages };
}
