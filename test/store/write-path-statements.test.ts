import pino from 'pino';
import request from 'supertest';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import { loadConfig } from '../../server/config';
import { createApp } from '../../server/http/app';
import { HANDOFF_ASSEMBLE, JOB_NAMES } from '../../server/jobs/job-names';
import { createJobQueue, type JobQueue } from '../../server/jobs/job-queue';
import { createStore } from '../../server/store/postgres-store';
import type { Database, Sql, Store } from '../../server/store/types';
import { backends, resetTables, uniqueSchema } from '../helpers/database';
import { conversationBody } from '../http/harness';
import { makeAssessment, makeBrief, makeConversation } from './factories';

/**
 * Every statement sent to the database on the handoff write path, counted where it leaves our code:
 * each query, and BEGIN and COMMIT for each transaction. The issue measured 9 per POST /v1/handoffs
 * (key lookup, BEGIN, conversation, handoff, brief, read-back, job, COMMIT, place-in-line count).
 */
class StatementLog {
  readonly texts: string[] = [];
  reset(): void {
    this.texts.length = 0;
  }
  wrap(sql: Sql): Sql {
    return {
      query: (text, params) => {
        this.texts.push(text);
        return sql.query(text, params);
      },
      exec: (text) => {
        this.texts.push(text);
        return sql.exec(text);
      },
      ...(sql.execRows
        ? {
            execRows: (text: string) => {
              this.texts.push(text);
              return sql.execRows!(text);
            },
          }
        : {}),
    };
  }
  database(db: Database): Database {
    return {
      ...this.wrap(db),
      kind: db.kind,
      transaction: (fn) => {
        this.texts.push('BEGIN');
        return db.transaction((tx) => fn(this.wrap(tx))).finally(() => this.texts.push('COMMIT'));
      },
      close: () => db.close(),
    };
  }
}

describe.each(backends())('statements on the handoff write path on $name', (backend) => {
  const schema = uniqueSchema(__filename);
  const log = new StatementLog();
  let raw: Database;
  let store: Store;
  let jobs: JobQueue;

  beforeAll(async () => {
    raw = await backend.open(schema);
    const db = log.database(raw);
    store = createStore(db);
    await store.migrate();
    // pg-boss's own polling and maintenance go through the uncounted handle; a job sent in one of
    // our transactions goes through that transaction, and is counted.
    jobs = await createJobQueue(raw, { logger: pino({ level: 'silent' }), schema: `${schema}_boss` });
    await jobs.start();
    await jobs.createQueues(JOB_NAMES);
  });
  afterAll(async () => {
    await jobs?.stop();
    await raw?.close();
  });
  beforeEach(async () => {
    await resetTables(raw);
    log.reset();
  });

  it('records a new handoff and its job in 4 statements: BEGIN, one insert of everything, the job, COMMIT', async () => {
    const tenant = await store.createTenant({ name: 'acme' });
    log.reset();
    const { created } = await store.recordHandoff(
      tenant.id,
      { conversation: makeConversation({ id: 'c-1' }), conversationId: 'c-1', assessment: makeAssessment() },
      async (tx, handoff) => {
        await jobs.sendInTransaction(tx, HANDOFF_ASSEMBLE, { tenantId: tenant.id, handoffId: handoff.id });
      },
    );
    expect(created).toBe(true);
    expect(log.texts).toHaveLength(4);
    expect(log.texts[0]).toBe('BEGIN');
    expect(log.texts[1]).toMatch(/INSERT INTO conversations[\s\S]*INSERT INTO handoffs[\s\S]*INSERT INTO brief_versions/);
    expect(log.texts[2]).toMatch(/INSERT INTO \S+\.job/);
    expect(log.texts[3]).toBe('COMMIT');
  });

  it('keeps each place in line with its handoff; one that does not escalate takes no place', async () => {
    const tenant = await store.createTenant({ name: 'acme' });
    const record = (id: string, escalate: boolean) =>
      store.recordHandoff(tenant.id, { conversation: makeConversation({ id }), conversationId: id, assessment: makeAssessment({ escalate }) });
    expect((await record('p-1', true)).handoff.queue_position).toBe(1);
    expect((await record('p-2', false)).handoff.queue_position).toBe(2); // where it would stand
    expect((await record('p-3', true)).handoff.queue_position).toBe(2);
    const replay = await record('p-3', true);
    expect(replay.created).toBe(false);
    expect(replay.handoff.queue_position).toBe(2);
    expect((await record('p-4', true)).handoff.queue_position).toBe(3);
  });

  it('stores an assembled brief in one statement', async () => {
    const tenant = await store.createTenant({ name: 'acme' });
    const { handoff } = await store.recordHandoff(tenant.id, {
      conversation: makeConversation({ id: 'c-2' }),
      conversationId: 'c-2',
      assessment: makeAssessment(),
    });
    log.reset();
    const version = await store.advanceBrief(tenant.id, handoff.id, makeBrief({ summary: 'assembled' }), { from: 'received', to: 'assembled' });
    expect(version?.version).toBe(2);
    expect(log.texts).toHaveLength(1);
    expect((await store.getHandoff(tenant.id, handoff.id))?.status).toBe('assembled');
  });

  it('records a handoff with nothing to follow its assembly in 1 statement, already assembled; a replay inserts nothing', async () => {
    const tenant = await store.createTenant({ name: 'acme' });
    const input = { conversation: makeConversation({ id: 'c-3' }), conversationId: 'c-3', assessment: makeAssessment() };
    log.reset();
    const handoff = await store.recordCompleteHandoff(tenant.id, input);
    expect(handoff).toMatchObject({ status: 'assembled', brief_version: 1, queue_position: 1 });
    expect(log.texts).toHaveLength(1);
    expect(await store.recordCompleteHandoff(tenant.id, input)).toBeNull();
    const { rows } = await raw.query<{ n: number }>('SELECT count(*)::int AS n FROM brief_versions');
    expect(rows[0]!.n).toBe(1);
  });

  it('answers POST /v1/handoffs of a tenant with nothing connected with 2 statements: the key lookup and the insert', async () => {
    const tenant = await store.createTenant({ name: 'acme' });
    const { key } = await store.createApiKey(tenant.id);
    const config = loadConfig({ LOG_LEVEL: 'silent', DEMO_TENANT: 'false' });
    const app = createApp({ store, jobs, writer: new OfflineBriefWriter(), logger: pino({ level: 'silent' }), config });
    log.reset();
    const res = await request(app).post('/v1/handoffs').set('Authorization', `Bearer ${key}`).send(conversationBody());
    expect(res.status).toBe(202);
    // The place in line came back with the insert: no count after it.
    expect(res.body.customer_message).toMatch(/number 1 in line/);
    expect(log.texts).toHaveLength(2);
    expect(log.texts[0]).toMatch(/FROM api_keys/);
  });

  it('answers POST /v1/handoffs of a connected tenant with 6 statements, then 4: the key and the tenant\'s follow-up work are remembered', async () => {
    const tenant = await store.createTenant({ name: 'acme' });
    const { key } = await store.createApiKey(tenant.id);
    await raw.query(`INSERT INTO tenant_integrations (tenant_id, provider, secrets_sealed) VALUES ($1, 'tracking', 'sealed')`, [tenant.id]);
    const config = loadConfig({ LOG_LEVEL: 'silent', DEMO_TENANT: 'false' });
    const app = createApp({ store, jobs, writer: new OfflineBriefWriter(), logger: pino({ level: 'silent' }), config });
    const post = (id: string) => request(app).post('/v1/handoffs').set('Authorization', `Bearer ${key}`).send(conversationBody({ id }));
    log.reset();
    expect((await post('first')).body.status).toBe('received');
    // key lookup, the gated insert that found work and inserted nothing, BEGIN, insert, job, COMMIT
    expect(log.texts).toHaveLength(6);
    expect(log.texts.slice(2)).toEqual(['BEGIN', expect.stringMatching(/INSERT INTO handoffs/), expect.stringMatching(/\.job/), 'COMMIT']);
    log.reset();
    expect((await post('second')).body.status).toBe('received');
    expect(log.texts).toEqual(['BEGIN', expect.stringMatching(/INSERT INTO handoffs/), expect.stringMatching(/\.job/), 'COMMIT']);
  });
});
