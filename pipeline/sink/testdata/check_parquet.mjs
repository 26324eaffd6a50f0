// check_parquet.mjs: optional QA check (not run by .ci/run or go test) that
// a zhextract output's Parquet tables load in independent readers and hold
// exactly the values of its JSONL tables.
//
//   mkdir -p /tmp/pqc && cd /tmp/pqc && npm init -y >/dev/null &&
//   npm install @duckdb/node-api parquet-wasm apache-arrow hyparquet hyparquet-compressors &&
//   cp REPO/pipeline/sink/testdata/check_parquet.mjs . && node check_parquet.mjs OUT
//
// OUT is a `zhextract run --format parquet,jsonl` output. The script is
// copied next to node_modules because Node resolves imports from the
// script's own folder. Readers: DuckDB (C++), arrow-rs through parquet-wasm
// (Rust) and hyparquet (JavaScript); a reader whose package is missing is
// skipped with a note. For every TABLE*.parquet beside a TABLE*.jsonl, each
// reader's rows are compared value by value with the JSONL rows (the texts
// by byte length and sha256, timestamps as UTC milliseconds); DuckDB also
// runs filters and aggregates that use the row groups' statistics, and
// each column chunk's statistics are checked against its values. The page
// headers are walked independently of the readers: every page's CRC, the
// offset index's page locations and the chunks' sizes must agree; and a
// filter on each column through hyparquet's page-index pruning must find
// the rows a full scan finds. Exit 1
// on any difference; the last line is "N passed, N failed".

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { crc32 } from 'node:zlib';

const BIG = new Set(['text', 'text_original_script']);
const TABLES = ['documents', 'figures', 'edits'];

let passed = 0;
let failed = 0;
function check(ok, what) {
  if (ok) {
    passed++;
  } else {
    failed++;
    console.log(`FAIL ${what}`);
  }
  return ok;
}

async function optional(name) {
  try {
    return await import(name);
  } catch (e) {
    console.log(`note: ${name} not installed, its reader is skipped (${e.code ?? e.message})`);
    return null;
  }
}

const sha = (s) => createHash('sha256').update(s, 'utf8').digest('hex');
const bigValue = (s) => (s === null || s === undefined ? null : `${Buffer.byteLength(s, 'utf8')}:${sha(s)}`);

// norm maps a value of any reader to a string that equal values share.
function norm(col, v, kind) {
  if (v === null || v === undefined) return null;
  if (BIG.has(col)) return kind === 'hashed' ? v : bigValue(v);
  if (kind === 'ts') {
    if (v instanceof Date) return `ts:${v.getTime()}`;
    return `ts:${Number(v)}`;
  }
  if (typeof v === 'bigint' || typeof v === 'number') return `n:${String(v)}`;
  if (typeof v === 'string') return `s:${v}`;
  return `?:${JSON.stringify(v)}`;
}

const RFC3339_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

// readJSONL returns the rows of a JSONL table with its values normalized,
// and the column names of its first row.
function readJSONL(path, tsCols) {
  const buf = readFileSync(path);
  const rows = [];
  let cols = null;
  let start = 0;
  while (start < buf.length) {
    let end = buf.indexOf(10, start);
    if (end < 0) end = buf.length;
    if (end > start) {
      const obj = JSON.parse(buf.toString('utf8', start, end));
      cols ??= Object.keys(obj);
      const row = {};
      for (const [k, v] of Object.entries(obj)) {
        if (tsCols.has(k) && v !== null) {
          check(RFC3339_UTC.test(v), `${path}: ${k} ${v} is not RFC 3339 in UTC`);
          row[k] = `ts:${Date.parse(v)}`;
        } else {
          row[k] = norm(k, v, tsCols.has(k) ? 'ts' : '');
        }
      }
      rows.push(row);
    }
    start = end + 1;
  }
  return { rows, cols: cols ?? [] };
}

function compareRows(reader, file, want, got, cols) {
  if (!check(got.length === want.length, `${reader} ${file}: ${got.length} rows, JSONL has ${want.length}`)) return;
  let diffs = 0;
  for (let i = 0; i < want.length; i++) {
    for (const c of cols) {
      if (want[i][c] !== got[i][c]) {
        if (diffs++ < 10) {
          console.log(`  ${reader} ${file} row ${i} ${c}: parquet ${String(got[i][c]).slice(0, 120)} jsonl ${String(want[i][c]).slice(0, 120)}`);
        }
      }
    }
  }
  if (check(diffs === 0, `${reader} ${file}: ${diffs} values differ from the JSONL`)) {
    console.log(`  ${reader}: ${want.length} rows x ${cols.length} columns equal to the JSONL`);
  }
}

// walkPages checks every column chunk's pages: header CRCs, sizes, and the
// offset index's locations.
function walkPages(file, buf, md, parquetHeader, readOffsetIndex) {
  let pages = 0;
  md.row_groups.forEach((rg, g) => {
    let rgCompressed = 0n;
    for (const cc of rg.columns) {
      const m = cc.meta_data;
      const name = m.path_in_schema.join('.');
      const start = Number(m.dictionary_page_offset ?? m.data_page_offset);
      const end = start + Number(m.total_compressed_size);
      rgCompressed += BigInt(m.total_compressed_size);
      let at = start;
      let uncompressed = 0;
      const dataPages = [];
      let values = 0;
      while (at < end) {
        const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
        const reader = { view, offset: at };
        const h = parquetHeader(reader);
        const body = buf.subarray(reader.offset, reader.offset + h.compressed_page_size);
        if (h.crc !== undefined) {
          check((crc32(body) | 0) === h.crc, `${file} rg ${g} ${name}: page at ${at} CRC ${crc32(body) | 0}, header ${h.crc}`);
        }
        uncompressed += reader.offset - at + h.uncompressed_page_size;
        if (h.type !== 'DICTIONARY_PAGE') {
          dataPages.push({ offset: at, size: reader.offset - at + h.compressed_page_size });
          values += (h.data_page_header_v2 ?? h.data_page_header).num_values;
        }
        at = reader.offset + h.compressed_page_size;
        pages++;
      }
      check(at === end, `${file} rg ${g} ${name}: pages end at ${at}, chunk at ${end}`);
      check(uncompressed === Number(m.total_uncompressed_size), `${file} rg ${g} ${name}: pages ${uncompressed} bytes uncompressed, metadata ${m.total_uncompressed_size}`);
      check(BigInt(values) === BigInt(m.num_values), `${file} rg ${g} ${name}: pages hold ${values} values, metadata ${m.num_values}`);
      if (cc.offset_index_offset !== undefined) {
        const o = Number(cc.offset_index_offset);
        const view = new DataView(buf.buffer, buf.byteOffset + o, cc.offset_index_length);
        const oi = readOffsetIndex({ view, offset: 0 });
        const locs = oi.page_locations.map((l) => ({ offset: Number(l.offset), size: l.compressed_page_size }));
        check(JSON.stringify(locs) === JSON.stringify(dataPages), `${file} rg ${g} ${name}: offset index ${JSON.stringify(locs)} pages ${JSON.stringify(dataPages)}`);
      }
    }
    check(rgCompressed === BigInt(rg.total_compressed_size ?? rgCompressed), `${file} rg ${g}: total_compressed_size ${rg.total_compressed_size}, chunks ${rgCompressed}`);
  });
  return pages;
}

async function duckdbChecks(duck, con, dir, table, file, want, cols, tsCols) {
  const path = join(dir, file);
  const q = async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJS();
  const sel = cols.map((c) => {
    // Qualified, so that no alias below stands for a column.
    const id = `t."${c}"`;
    if (BIG.has(c)) return `case when ${id} is null then null else strlen(${id})::varchar || ':' || sha256(${id}) end as "${c}"`;
    if (tsCols.has(c)) return `epoch_ms(${id}) as "${c}"`;
    return `${id} as "${c}"`;
  });
  const rows = await q(`select ${sel.join(', ')} from read_parquet('${path}', file_row_number = true) t order by file_row_number`);
  // The texts come hashed by DuckDB.
  compareRows('duckdb', file, want, rows.map((r) => Object.fromEntries(cols.map((c) => [c, norm(c, r[c], tsCols.has(c) ? 'ts' : 'hashed')]))), cols);

  // Every chunk's statistics against the values it holds: a wrong bound
  // makes DuckDB skip a row group a filter needs.
  const meta = await q(`select row_group_id, row_group_num_rows, path_in_schema, stats_min_value, stats_max_value, stats_null_count from parquet_metadata('${path}') order by row_group_id, column_id`);
  const starts = [];
  let n = 0;
  for (const m of meta) {
    if (starts[m.row_group_id] === undefined) {
      starts[m.row_group_id] = n;
      n += Number(m.row_group_num_rows);
    }
  }
  check(n === want.length, `duckdb ${file}: row groups hold ${n} rows, JSONL ${want.length}`);
  for (const m of meta) {
    const col = m.path_in_schema;
    const lo = starts[m.row_group_id];
    const hi = lo + Number(m.row_group_num_rows);
    const slice = want.slice(lo, hi).map((r) => r[col]);
    const nulls = slice.filter((v) => v === null).length;
    if (m.stats_null_count !== null) check(Number(m.stats_null_count) === nulls, `duckdb ${file} rg ${m.row_group_id} ${col}: null_count ${m.stats_null_count}, values ${nulls}`);
    if (BIG.has(col) || ['sentence', 'old', 'new'].includes(col)) {
      check(m.stats_min_value === null && m.stats_max_value === null, `duckdb ${file} rg ${m.row_group_id} ${col}: free text has min/max ${String(m.stats_min_value).slice(0, 40)}..${String(m.stats_max_value).slice(0, 40)}`);
      continue;
    }
    if (m.stats_min_value === null) continue;
    // The actual bounds as DuckDB prints them, to compare with its view of
    // the statistics.
    const [b] = await q(`select min("${col}")::varchar as lo, max("${col}")::varchar as hi from read_parquet('${path}', file_row_number = true) where file_row_number >= ${lo} and file_row_number < ${hi}`);
    const same = (a, s) => a === s || (a !== null && s !== null && !Number.isNaN(Number(a)) && Number(a) === Number(s)) || (a !== null && s !== null && Date.parse(a) === Date.parse(s));
    check(same(b.lo, m.stats_min_value) && same(b.hi, m.stats_max_value), `duckdb ${file} rg ${m.row_group_id} ${col}: stats ${m.stats_min_value}..${m.stats_max_value}, values ${b.lo}..${b.hi}`);
  }

  if (table !== 'documents') return;
  // Filters and aggregates that read statistics and prune row groups.
  const texts = want.map((r) => r.text);
  const nonEmpty = texts.filter((t) => t !== null && !t.startsWith('0:')).length;
  const empty = texts.filter((t) => t !== null && t.startsWith('0:')).length;
  const maxBytes = Math.max(0, ...texts.map((t) => (t === null ? 0 : Number(t.split(':')[0]))));
  const [agg] = await q(`select count(*) as n, max(strlen(text)) as maxb, count(*) filter (where text = '') as empty, count(*) filter (where text <> '') as nonempty, max(length(text)) as maxc from read_parquet('${path}')`);
  check(Number(agg.n) === want.length && Number(agg.maxb) === maxBytes, `duckdb ${file}: count ${agg.n} max bytes ${agg.maxb}, JSONL ${want.length} ${maxBytes}`);
  const [e] = await q(`select count(*) as n from read_parquet('${path}') where text = ''`);
  const [ne] = await q(`select count(*) as n from read_parquet('${path}') where text > ''`);
  check(Number(e.n) === empty && Number(ne.n) === nonEmpty && Number(agg.empty) === empty && Number(agg.nonempty) === nonEmpty, `duckdb ${file}: text = '' ${e.n}/${agg.empty}, text > '' ${ne.n}/${agg.nonempty}; JSONL ${empty}, ${nonEmpty}`);
  console.log(`  duckdb ${file}: ${agg.n} rows, longest text ${agg.maxc} characters (${agg.maxb} bytes)`);
  // Each document found by its doc_id (largest texts first, then a few).
  const order = want.map((r, i) => i).sort((a, b) => Number((want[b].text ?? '0').split(':')[0]) - Number((want[a].text ?? '0').split(':')[0]));
  for (const i of order.slice(0, 5)) {
    const id = want[i].doc_id.slice(2).replaceAll("'", "''");
    const got = await q(`select strlen(text)::varchar || ':' || sha256(text) as t, bytes from read_parquet('${path}') where doc_id = '${id}'`);
    check(got.length === 1 && got[0].t === want[i].text, `duckdb ${file}: where doc_id = '${id}' gave ${got.length} rows ${got[0]?.t}`);
    const pr = await q(`select count(*) as n from read_parquet('${path}') where doc_id = '${id}' and bytes = ${want[i].bytes.slice(2)} and status = '${want[i].status.slice(2)}'`);
    check(Number(pr[0].n) === 1, `duckdb ${file}: filter on doc_id, bytes, status of ${id} gave ${pr[0].n} rows`);
  }
}

// pageIndexFilters runs, for each column, a filter through hyparquet with
// page pruning by the column index (usePageIndex) and compares its row
// count with a full scan's: a column index whose bounds do not hold the
// page's values loses rows here (DataFusion and parquet-mr prune alike;
// DuckDB reads no column index).
async function pageIndexFilters(hyp, hypc, file, buf, rows, cols, tsCols) {
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  let n = 0;
  for (const c of cols) {
    if (tsCols.has(c)) continue;
    const last = rows.findLast((r) => r[c] !== null && r[c] !== undefined)?.[c];
    if (last === undefined) continue;
    // An ASCII bound for the long texts: hyparquet prunes relational
    // filters on strings only then, and the text itself may be huge.
    const [filter, pred] = BIG.has(c) || ['sentence', 'old', 'new'].includes(c)
      ? [{ $gt: '' }, (v) => v !== null && v !== undefined && v > '']
      : [{ $eq: last }, (v) => v === last];
    const got = await hyp.parquetQuery({ file: ab, compressors: hypc.compressors, filter: { [c]: filter }, columns: [c], usePageIndex: true });
    const want = rows.filter((r) => pred(r[c])).length;
    check(got.length === want, `hyparquet ${file}: filter ${c} ${JSON.stringify(filter, (k, v) => (typeof v === 'bigint' ? String(v) : typeof v === 'string' && v.length > 40 ? v.slice(0, 40) + '...' : v))} with the page index: ${got.length} rows, full scan ${want}`);
    n++;
  }
  console.log(`  hyparquet: ${n} filters pruned with the page index`);
}

async function main() {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node check_parquet.mjs OUTPUT_DIR');
    process.exit(2);
  }
  const duck = await optional('@duckdb/node-api');
  const pw = await optional('parquet-wasm');
  const arrow = pw && (await optional('apache-arrow'));
  const hyp = await optional('hyparquet');
  const hypc = hyp && (await optional('hyparquet-compressors'));
  const { parquetHeader } = hyp ? await import('hyparquet/src/column.js') : {};
  let con = null;
  if (duck) {
    const inst = await duck.DuckDBInstance.create(':memory:');
    con = await inst.connect();
    console.log(`duckdb ${duck.version()}`);
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.parquet') && !f.startsWith('.')).sort();
  for (const table of TABLES) {
    for (const file of files.filter((f) => f.startsWith(table))) {
      const jsonl = file.replace(/\.parquet$/, '.jsonl');
      const buf = readFileSync(join(dir, file));
      const md = hyp ? hyp.parquetMetadata(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)) : null;
      // Timestamp columns from the schema: INT64 with a TIMESTAMP logical
      // type, which must be UTC-adjusted milliseconds (the README's schema).
      const tsCols = new Set();
      if (md) {
        for (const el of md.schema.slice(1)) {
          if (el.logical_type?.type === 'TIMESTAMP') {
            tsCols.add(el.name);
            check(el.logical_type.isAdjustedToUTC === true && el.logical_type.unit === 'MILLIS', `${file} ${el.name}: timestamp ${JSON.stringify(el.logical_type)}, want UTC-adjusted MILLIS`);
          }
        }
      } else {
        ['published_at', 'fetched_at'].forEach((c) => tsCols.add(c));
      }
      const { rows: want, cols } = readJSONL(join(dir, jsonl), tsCols);
      console.log(`${file}: ${want.length} rows in ${jsonl}, ${buf.length} bytes${md ? `, ${md.row_groups.length} row groups (rows ${md.row_groups.map((g) => g.num_rows).join(',')}), created_by ${md.created_by}` : ''}`);
      if (md) {
        check(JSON.stringify(md.schema.slice(1).map((e) => e.name)) === JSON.stringify(cols), `${file}: columns ${md.schema.slice(1).map((e) => e.name)}, JSONL ${cols}`);
        const pages = walkPages(file, buf, md, parquetHeader, hyp.readOffsetIndex);
        console.log(`  pages: ${pages} walked (CRC, sizes, offset index)`);
      }
      if (con) await duckdbChecks(duck, con, dir, table, file, want, cols, tsCols);
      if (pw && arrow) {
        const t = arrow.tableFromIPC(pw.readParquet(new Uint8Array(buf)).intoIPCStream());
        for (const f of t.schema.fields) {
          if (tsCols.has(f.name)) check(String(f.type) === 'Timestamp<MILLISECOND, UTC>', `arrow-rs ${file} ${f.name}: ${f.type}`);
        }
        const got = [];
        const vecs = cols.map((c) => t.getChild(c));
        for (let i = 0; i < t.numRows; i++) {
          got.push(Object.fromEntries(cols.map((c, j) => [c, norm(c, vecs[j]?.get(i), tsCols.has(c) ? 'ts' : '')])));
        }
        compareRows('arrow-rs', file, want, got, cols);
      }
      if (hyp && hypc) {
        const rows = await hyp.parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength), compressors: hypc.compressors });
        compareRows('hyparquet', file, want, rows.map((r) => Object.fromEntries(cols.map((c) => [c, norm(c, r[c], tsCols.has(c) ? 'ts' : '')]))), cols);
        await pageIndexFilters(hyp, hypc, file, buf, rows, cols, tsCols);
      }
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

await main();
