// End-to-end check of zhextract's Parquet output with a real DuckDB:
// every table loads, row counts equal the JSONL output of the same run,
// value is DOUBLE and text columns are VARCHAR, published_at is a
// TIMESTAMP WITH TIME ZONE (as the README says), offsets are text_start and
// text_end (plain SQL, no reserved word), missing values are NULL (never ''),
// and every figure joins its document on doc_id.
// Usage: node duckdb_check.mjs OUTDIR
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) { console.error('usage: node duckdb_check.mjs OUTDIR'); process.exit(2); }
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
let failed = 0, passed = 0;
function check(ok, what) {
  if (ok) { passed++; console.log(`ok   ${what}`); } else { failed++; console.log(`FAIL ${what}`); }
}
async function rows(sql) { return (await con.runAndReadAll(sql)).getRowObjects(); }
const q = (t) => `read_parquet('${join(dir, t)}*.parquet')`;

for (const t of ['documents', 'figures', 'edits']) {
  const [{ n }] = await rows(`select count(*)::INTEGER as n from ${q(t)}`);
  const jsonl = readFileSync(join(dir, `${t}.jsonl`), 'utf8').split('\n').filter((l) => l.length > 0).length;
  check(n === jsonl, `${t}: ${n} Parquet rows, ${jsonl} JSONL rows`);
}
const types = {};
for (const t of ['documents', 'figures', 'edits']) {
  for (const r of await rows(`describe select * from ${q(t)}`)) types[`${t}.${r.column_name}`] = r.column_type;
}
check(types['figures.value'] === 'DOUBLE', `figures.value is ${types['figures.value']}`);
for (const c of ['documents.doc_id', 'documents.source', 'documents.warning', 'documents.text', 'documents.title', 'figures.raw', 'figures.kind', 'figures.sentence', 'figures.evidence', 'figures.basis', 'edits.old', 'edits.new']) {
  check(types[c] === 'VARCHAR', `${c} is ${types[c]}`);
}
check(types['documents.published_at'] === 'TIMESTAMP WITH TIME ZONE', `documents.published_at is ${types['documents.published_at']}`);
for (const c of ['figures.text_start', 'figures.text_end', 'edits.text_start', 'edits.text_end']) {
  check(types[c] === 'BIGINT', `${c} is ${types[c]}`);
}
check(!('figures.start' in types) && !('figures.end' in types) && !('edits.end' in types), 'no column is named start or end');
check(types['figures.subject_original_script'] === 'VARCHAR', `figures.subject_original_script is ${types['figures.subject_original_script']}`);
// Offsets are typed without quoting.
const [{ spans }] = await rows(`select count(*)::INTEGER as spans from ${q('figures')} where text_end > text_start`);
check(spans > 0, `select text_start, text_end works (${spans} spans)`);
// Missing values are NULL, never the empty string.
const nullable = { documents: ['error', 'encoding', 'script', 'title', 'publisher', 'url'], figures: ['qualifier', 'subject', 'subject_original_script', 'period_unit', 'basis'] };
for (const [t, cols] of Object.entries(nullable)) {
  for (const c of cols) {
    const [{ empty }] = await rows(`select count(*)::INTEGER as empty from ${q(t)} where ${c} = ''`);
    check(empty === 0, `${t}.${c}: missing values are NULL (${empty} empty strings)`);
  }
}
const [{ okerr }] = await rows(`select count(*)::INTEGER as okerr from ${q('documents')} where status = 'ok' and error is not null`);
check(okerr === 0, `documents.error is NULL on ok rows (${okerr} not)`);
const [{ orphans }] = await rows(`select count(*)::INTEGER as orphans from ${q('figures')} f anti join ${q('documents')} d using (doc_id)`);
check(orphans === 0, `every figure joins its document (${orphans} orphans)`);
const [{ nf }] = await rows(`select count(*)::INTEGER as nf from ${q('figures')}`);
check(nf > 0, `the run produced figures (${nf})`);
const [{ bad }] = await rows(`select count(*)::INTEGER as bad from ${q('figures')} where not isfinite(value) or value_text is null or value_text = ''`);
check(bad === 0, `every value is finite and has value_text (${bad} bad)`);
const [{ noev }] = await rows(`select count(*)::INTEGER as noev from ${q('figures')} where evidence is null or evidence = ''`);
check(noev === 0, `every figure says why it was kept (${noev} without evidence)`);
const [{ badbasis }] = await rows(`select count(*)::INTEGER as badbasis from ${q('figures')} where coalesce(basis, '') not in ('', 'total', 'completed', 'planned', 'allocated') or (kind not in ('investment', 'funding') and coalesce(basis, '') <> '')`);
check(badbasis === 0, `basis is total/completed/planned/allocated on money figures only (${badbasis} bad)`);
// The README's query that sums investment without double counting runs.
const sums = await rows(`select basis, count(*)::INTEGER as n, sum(value) as yuan from ${q('figures')} where kind = 'investment' group by basis order by basis`);
check(sums.length > 0, `investment sums by basis: ${sums.map((r) => `${r.basis ?? ''}=${r.n}`).join(', ')}`);
console.log(`duckdb: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
