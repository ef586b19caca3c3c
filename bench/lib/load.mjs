// Load generator for HTTP benchmarks: keep-alive connections, closed-loop (max throughput) or open-loop
// (fixed rate) modes, per-request latency. Runs in its own process so it does not share the server's event loop.
import http from 'node:http';

export function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function summarise(latencies, ok, failed, seconds, eventsPerRequest) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: ok,
    failed,
    seconds: Number(seconds.toFixed(2)),
    requestsPerSecond: Math.round(ok / seconds),
    eventsPerSecond: Math.round((ok * eventsPerRequest) / seconds),
    p50ms: Number(percentile(sorted, 50).toFixed(2)),
    p99ms: Number(percentile(sorted, 99).toFixed(2)),
  };
}

function post(agent, url, headers, body) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - started }));
      },
    );
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.end(body);
  });
}

/**
 * Closed loop: `connections` clients send back to back for `seconds`.
 * Open loop: `rate` requests per second regardless of answers (latency under a fixed offered load).
 */
export async function runLoad({
  url,
  headers,
  makeBody,
  connections = 32,
  seconds = 10,
  rate,
  eventsPerRequest = 1,
}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies = [];
  let ok = 0;
  let failed = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const record = ({ status, ms }) => {
    if (status === 200) {
      ok++;
      latencies.push(ms);
    } else failed++;
  };
  if (rate) {
    const inflight = new Set();
    const interval = 1000 / rate;
    let next = performance.now();
    while (performance.now() < deadline) {
      const wait = next - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      next += interval;
      const p = post(agent, url, headers, makeBody()).then(record);
      inflight.add(p);
      p.finally(() => inflight.delete(p));
    }
    await Promise.all(inflight);
  } else {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < deadline) record(await post(agent, url, headers, makeBody()));
      }),
    );
  }
  agent.destroy();
  return summarise(latencies, ok, failed, (performance.now() - started) / 1000, eventsPerRequest);
}
