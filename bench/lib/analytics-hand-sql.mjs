// The simplest correct hand-written SQL for each benchmarked query, for comparison with the engine's SQL.
// Same definitions as the engine (canonical profile through profiles.merged_into, ties by ingest_seq).

const canonicalEvents = (
  where,
) => `SELECT coalesce(p.merged_into, e.profile_id) AS pid, e.type, e.event, e.page_path,
    e.occurred_at AS t, e.ingest_seq AS s
  FROM events e JOIN profiles p ON p.id = e.profile_id
  WHERE e.workspace_id = $1 AND e.occurred_at >= $2::TIMESTAMPTZ AND e.occurred_at < $3::TIMESTAMPTZ AND ${where}`;

/** Per start event, the first next-step event after the previous one within the window, by plain range joins. */
export function funnel(db, plan) {
  const names = plan.steps.map((s) => s.event);
  const stepCtes = names.slice(1).map(
    (_, i) => `s${i + 2} AS (SELECT a.pid, a.sid, a.t0, min({'t': e.t, 's': e.s}) AS m
      FROM s${i + 1} a JOIN ev e ON e.pid = a.pid AND e.event = $${i + 6}
        AND (e.t > a.m.t OR (e.t = a.m.t AND e.s > a.m.s)) AND e.t <= a.t0 + to_seconds($4)
      GROUP BY a.pid, a.sid, a.t0)`,
  );
  const joins = names
    .slice(1)
    .map((_, i) => `LEFT JOIN s${i + 2} USING (pid, sid)`)
    .join(' ');
  const level = ['1', ...names.slice(1).map((_, i) => `(s${i + 2}.sid IS NOT NULL)::INT`)].join(' + ');
  return db.all(
    `WITH ev AS (${canonicalEvents(`e.type = 'track' AND e.event IN (${names.map((_, i) => `$${i + 5}`).join(', ')})`)}),
     s1 AS (SELECT pid, s AS sid, t AS t0, {'t': t, 's': s} AS m FROM ev WHERE event = $5),
     ${stepCtes.join(',\n')},
     best AS (SELECT pid, max(${level}) AS level FROM s1 ${joins} GROUP BY pid)
     SELECT level, count(*) AS customers FROM best GROUP BY level`,
    [plan.workspaceId, plan.from, plan.to, plan.windowSeconds, ...names],
  );
}

export function paths(db, plan) {
  return db.all(
    `WITH named AS (SELECT pid, t, s, CASE WHEN type = 'track' THEN event ELSE coalesce(page_path, event, type) END AS node
        FROM (${canonicalEvents(`e.type IN ('track', 'page', 'screen')`)})),
      dedup AS (SELECT * FROM named QUALIFY lag(node) OVER (PARTITION BY pid ORDER BY t, s) IS DISTINCT FROM node),
      numbered AS (SELECT pid, node, row_number() OVER (PARTITION BY pid ORDER BY t, s) AS n FROM dedup),
      anchor AS (SELECT pid, min(n) AS a FROM numbered WHERE node = $4 GROUP BY pid),
      per AS (SELECT x.pid, list(x.node ORDER BY x.n) AS path FROM numbered x JOIN anchor USING (pid)
        WHERE x.n BETWEEN anchor.a AND anchor.a + $5 - 1 GROUP BY x.pid)
     SELECT path, count(*) AS customers FROM per GROUP BY path`,
    [plan.workspaceId, plan.from, plan.to, plan.step, plan.depth],
  );
}

export function retention(db, plan) {
  return db.all(
    `WITH ev AS (SELECT pid, date_trunc('week', timezone($4, t)) AS w FROM (${canonicalEvents('TRUE')})),
      firsts AS (SELECT pid, min(w) AS cohort FROM ev GROUP BY pid),
      back AS (SELECT DISTINCT f.pid, f.cohort, datediff('week', f.cohort, ev.w) AS period FROM firsts f JOIN ev USING (pid)
        WHERE ev.w > f.cohort)
     SELECT strftime(cohort, '%Y-%m-%d') AS cohort, 0 AS period, count(*) AS customers FROM firsts GROUP BY 1
     UNION ALL
     SELECT strftime(cohort, '%Y-%m-%d'), period, count(*) FROM back WHERE period BETWEEN 1 AND 12 GROUP BY 1, 2`,
    [plan.workspaceId, plan.from, plan.to, plan.timeZone],
  );
}

export function npsTrend(db, plan) {
  return db.all(
    `SELECT strftime(date_trunc('week', timezone($4, sa.answered_at)), '%Y-%m-%d') AS bucket, r.journey_stage AS key,
       count(*) AS n, count(*) FILTER (WHERE sa.number_value >= 9) AS a, count(*) FILTER (WHERE sa.number_value <= 6) AS b
     FROM survey_answers sa JOIN survey_responses r ON r.id = sa.response_id
     WHERE sa.workspace_id = $1 AND sa.question_type = 'nps' AND sa.number_value IS NOT NULL
       AND sa.answered_at >= $2::TIMESTAMPTZ AND sa.answered_at < $3::TIMESTAMPTZ
     GROUP BY ALL`,
    [plan.workspaceId, plan.from, plan.to, plan.timeZone],
  );
}

/** Rows of either side as sorted plain tuples, so equal results compare equal. */
export function normalise(kind, rows) {
  const tuples = {
    funnel: (r) => [Number(r.level), Number(r.customers)],
    paths: (r) => [r.path.join(' > '), Number(r.customers)],
    retention: (r) => [String(r.cohort), Number(r.period), Number(r.customers)],
    metric: (r) => [String(r.bucket), String(r.key), Number(r.n), Number(r.a), Number(r.b)],
  }[kind];
  return rows.map(tuples).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
}
