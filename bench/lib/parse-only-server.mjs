// Baseline: the same HTTP framework with JSON parsing and the same body limit, doing nothing else.
// The ratio Cairn / baseline shows what durable ingestion costs over merely receiving the bytes.
import Fastify from 'fastify';

const app = Fastify({ logger: false, bodyLimit: 512_000 });
app.post('/v1/batch', async (request) => ({ success: true, received: request.body.batch.length }));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${address}\n`);
