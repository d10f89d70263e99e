#!/usr/bin/env node
// Backup and restore, proved end to end (docs/OPERATIONS.md): seeds a scratch database with the image's own
// commands (migrate, seed-demo, seed-bulk), takes a logical dump with mariadb-dump/mysqldump exactly as the runbook
// says, restores it into a second new database, and checks that
//   - every table has the same rows (COUNT(*) and CHECKSUM TABLE, table by table),
//   - the audit chain verifies on the restored copy (`audit:verify`, the deployment's own CLI),
//   - residents' sealed name, ID and phone still decrypt with the deployment's keys, and match their masks,
//   - and, as a control, that a restore missing one audit entry is caught by the row check and by audit:verify.
// Needs the built API (`npx nx run @healthcode/api:build`), MariaDB/MySQL (TEST_DATABASE_URL, default
// mysql://root@127.0.0.1:3306/healthcode) and Redis. Usage: node tools/scripts/backup-restore-check.mjs
// [--residents N] (default 200). Exit 0 when every check holds; prints what differs otherwise. Drops what it made.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { root } from './proc.mjs';

const require = createRequire(join(root, 'apps/api/package.json'));
const mysql = require('mysql2/promise');

const dist = join(root, 'apps/api/dist/apps/api/src');
const flag = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const residents = flag('residents', 200);
const base = new URL(process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/healthcode');
const tag = randomBytes(4).toString('hex');
const source = `hc_backup_src_${tag}`;
const restored = `hc_backup_dst_${tag}`;
const work = mkdtempSync(join(tmpdir(), 'hc-backup-'));
const started = Date.now();
const problems = [];
const log = (msg) => console.log(`[backup-check] ${((Date.now() - started) / 1000).toFixed(1)}s ${msg}`);

const urlOf = (database) => {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
};
const envFor = (database) => ({
  PATH: process.env.PATH ?? '',
  HC_MODE: 'demo',
  DATABASE_URL: urlOf(database),
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  QUEUE_PREFIX: `{hcbak${tag}}`,
  // One key set for the source and the copy, as a restore uses the deployment's keys.
  DEV_KEYS_FILE: join(work, 'dev-keys.json'),
  APPEAL_EVIDENCE_DIR: join(work, 'evidence'),
  LOG_LEVEL: 'warn',
});

/** Runs a command; returns its output, or throws with it. */
function sh(cmd, args, options = {}) {
  const res = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  if (res.status !== 0 && !options.allowFail)
    throw new Error(
      `${cmd} ${args.join(' ')} exited ${res.status ?? res.signal}: ${(res.stderr || res.stdout).slice(-2000)}`,
    );
  return res;
}
const cli = (name, database, args = [], options = {}) =>
  sh(process.execPath, [join(dist, 'cli', `${name}.js`), ...args], { env: envFor(database), ...options });

/** The client tools: MariaDB's names first, MySQL's as a fallback. */
function tool(...names) {
  for (const name of names) if (spawnSync(name, ['--version']).status === 0) return name;
  throw new Error(`none of ${names.join(', ')} is installed`);
}
const connectionArgs = () => {
  const args = ['-h', base.hostname, '-P', base.port || '3306', '-u', decodeURIComponent(base.username || 'root')];
  return args;
};
const clientEnv = () => ({
  ...process.env,
  ...(base.password ? { MYSQL_PWD: decodeURIComponent(base.password) } : {}),
});

async function tableFacts(conn, database) {
  const [tables] = await conn.query(
    "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name",
    [database],
  );
  const facts = new Map();
  for (const { t } of tables) {
    const [[{ n }]] = await conn.query(`SELECT COUNT(*) AS n FROM \`${database}\`.\`${t}\``);
    const [[{ Checksum }]] = await conn.query(`CHECKSUM TABLE \`${database}\`.\`${t}\` EXTENDED`);
    facts.set(t, { rows: Number(n), checksum: String(Checksum) });
  }
  return facts;
}

function compareTables(a, b) {
  const diffs = [];
  for (const [t, fa] of a) {
    const fb = b.get(t);
    if (!fb) diffs.push(`${t}: missing from the restore`);
    else if (fa.rows !== fb.rows) diffs.push(`${t}: ${fa.rows} rows, restored ${fb.rows}`);
    else if (fa.checksum !== fb.checksum) diffs.push(`${t}: same row count, different contents (CHECKSUM TABLE)`);
  }
  for (const t of b.keys()) if (!a.has(t)) diffs.push(`${t}: only in the restore`);
  return diffs;
}

/** Opens residents' sealed fields with the deployment's keys (the API's own PiiCryptoService and config loader). */
function decryptCheck(database) {
  const script = `
    const { loadConfig } = require(${JSON.stringify(join(dist, 'config/load-config.js'))});
    const { PiiCryptoService } = require(${JSON.stringify(join(dist, 'modules/crypto/pii-crypto.service.js'))});
    const { maskIdNumber, maskName } = require('@healthcode/contracts');
    const mysql = require('mysql2/promise');
    (async () => {
      const config = await loadConfig(process.env);
      const crypto = new PiiCryptoService(config);
      const conn = await mysql.createConnection(process.env.DATABASE_URL);
      const [rows] = await conn.query('SELECT name_enc, name_masked, id_enc, id_masked, phone_enc FROM residents WHERE id_enc IS NOT NULL AND name_enc IS NOT NULL ORDER BY id LIMIT 50');
      await conn.end();
      let opened = 0;
      const wrong = [];
      for (const r of rows) {
        const name = crypto.decrypt(r.name_enc);
        const id = crypto.decrypt(r.id_enc);
        if (r.phone_enc) crypto.decrypt(r.phone_enc);
        if (maskName(name) !== r.name_masked || maskIdNumber(id) !== r.id_masked) wrong.push(r.id_masked);
        opened++;
      }
      console.log(JSON.stringify({ opened, wrong }));
    })().catch((e) => { console.error(e.message); process.exit(1); });`;
  const res = sh(process.execPath, ['-e', script], { env: envFor(database), cwd: join(root, 'apps/api') });
  return JSON.parse(res.stdout.trim().split('\n').pop());
}

let conn;
try {
  if (!existsSync(join(dist, 'cli/audit-verify.js')))
    throw new Error('the API is not built: run `npx nx run @healthcode/api:build` first');
  const dump = tool('mariadb-dump', 'mysqldump');
  const client = tool('mariadb', 'mysql');
  conn = await mysql.createConnection({ uri: urlOf(''), multipleStatements: false });
  await conn.query(`CREATE DATABASE \`${source}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);

  // 1. A seeded database, made by the image's entry commands.
  cli('migrate', source);
  cli('seed-demo', source);
  cli('seed-bulk', source, ['--residents', String(residents)]);
  log(`seeded ${source} (demo data + ${residents} bulk residents)`);

  // 2. The runbook's logical dump: one consistent snapshot of InnoDB tables, binary columns as hex.
  const file = join(work, 'healthcode.sql');
  sh(
    'sh',
    [
      '-c',
      `"$0" "$@" > '${file}'`,
      dump,
      ...connectionArgs(),
      '--single-transaction',
      '--quick',
      '--routines',
      '--triggers',
      '--hex-blob',
      '--skip-dump-date',
      source,
    ],
    { env: clientEnv() },
  );
  log(`dumped with ${dump}: ${(statSync(file).size / 1024).toFixed(0)} KB`);

  // 3. Restore into a new database.
  await conn.query(`CREATE DATABASE \`${restored}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  sh('sh', ['-c', `"$0" "$@" < '${file}'`, client, ...connectionArgs(), restored], { env: clientEnv() });
  log(`restored into ${restored} with ${client}`);

  // 4. Same tables, same rows, same contents.
  const before = await tableFacts(conn, source);
  const after = await tableFacts(conn, restored);
  problems.push(...compareTables(before, after));
  const rows = [...before.values()].reduce((s, f) => s + f.rows, 0);
  log(`${before.size} tables, ${rows} rows compared (COUNT and CHECKSUM TABLE): ${problems.length} differences`);
  for (const t of ['residents', 'resident_codes', 'audit_log'])
    if (!(before.get(t)?.rows > 0)) problems.push(`${t}: the seed wrote no rows, nothing was proved for it`);

  // 5. The audit chain verifies on the copy.
  const verified = cli('audit-verify', restored, [], { allowFail: true });
  if (verified.status !== 0) problems.push(`audit:verify on the restore: ${verified.stderr || verified.stdout}`);
  else log(verified.stdout.trim().replace(/^\[healthcode\] /, ''));

  // 6. Residents' sealed personal data still opens with the deployment's keys, and matches the stored masks.
  const opened = decryptCheck(restored);
  if (opened.opened === 0) problems.push('no resident with sealed data to decrypt');
  if (opened.wrong.length > 0) problems.push(`decrypted values not matching their masks: ${opened.wrong.join(', ')}`);
  log(`${opened.opened} residents' sealed name, ID and phone decrypted and matched their masks`);

  // 7. Control: a restore that lost one audit entry must fail both checks, or the checks prove nothing.
  const [[{ middle }]] = await conn.query(
    `SELECT FLOOR((MIN(seq) + MAX(seq)) / 2) AS middle FROM \`${restored}\`.audit_log`,
  );
  await conn.query(`DELETE FROM \`${restored}\`.audit_log WHERE seq = ?`, [middle]);
  const lossSeen = compareTables(before, await tableFacts(conn, restored)).some((d) => d.startsWith('audit_log'));
  const chainSeen = cli('audit-verify', restored, [], { allowFail: true }).status !== 0;
  if (!lossSeen || !chainSeen)
    problems.push(
      `control: a restore missing one audit entry was not caught (counts: ${lossSeen}, chain: ${chainSeen})`,
    );
  else log('control: a restore missing one audit entry fails the row check and audit:verify');
} catch (error) {
  problems.push(error instanceof Error ? error.message : String(error));
} finally {
  if (conn) {
    for (const db of [source, restored]) await conn.query(`DROP DATABASE IF EXISTS \`${db}\``).catch(() => undefined);
    await conn.end();
  }
  rmSync(work, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`[backup-check] FAILED:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
log('backup and restore check passed');
