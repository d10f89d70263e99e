import Fastify from 'fastify';

/** The baseline: a bare Fastify JSON endpoint in its own process, as the API runs in its own. */
async function main(): Promise<void> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ ok: true, color: 'green', at: new Date().toISOString() }));
  await app.listen({ port: Number(process.argv[2]), host: '127.0.0.1' });
  process.send?.('ready');
}

void main();
