// Package verify compares the output of a zhextract run with a golden set,
// and writes golden sets from an output.
//
// # Golden format
//
// A golden set is a directory with one pretty-printed JSON file per document
// (two-space indent, UTF-8, no HTML escaping, a final newline), so that a
// review diff shows exactly which figure of which document changed:
//
//	{
//	  "doc_id": "57ee527ed9377c6b",
//	  "source": "in/000_57ee527ed9377c6b.txt",
//	  "status": "ok",
//	  "figures": [
//	    {
//	      "kind": "investment",
//	      "value": 39000000000,
//	      "value_text": "39000000000",
//	      "unit": "CNY",
//	      "qualifier": "approx",
//	      "raw": "总投资约390亿元",
//	      "year": 2020
//	    }
//	  ],
//	  "text_lines": ["第一行", "第二行", ""]
//	}
//
// The file name is the document's key plus ".json". The key is the file
// name of the document's source without directories, without a ".gz" suffix
// and without its last extension ("in/000_57ee527ed9377c6b.txt" gives
// "000_57ee527ed9377c6b"). Documents without a file of their own (a JSONL
// line, whose source is "path:LINE", or stdin "-") use their doc_id. When
// two documents of one output would share a key, both use key_docid instead.
// Characters other than letters, digits, '-', '_' and '.' become '_'.
// Documents are matched between output and golden set by key only: doc_id
// and source are there for the reader and are not compared, so a run from
// another directory still matches.
//
// status is compared. figures are listed in text order; fields that are
// zero are left out (year, subject, from_value, to_value, period_unit,
// basis, evidence). evidence says why the rule kept the figure; it is there
// for the reader and is never compared.
// Offsets are not stored: a change early in a text would otherwise touch
// every later figure's line. text_lines, present only when the set was
// written with --text, is the clean text split at "\n" (joining with "\n"
// restores it exactly).
//
// # Matching figures
//
// Figures of one document are paired in three passes; each pass pairs a
// golden figure with the unpaired output figure nearest to it in text order:
//
//  1. same kind and raw, and every compared field equal: a correct figure;
//  2. same kind and raw, some field different: a changed figure;
//  3. same kind, and one raw contains the other (the rule took a longer or
//     shorter span): a changed figure, raw among the differences.
//
// Golden figures left unpaired are missing, output figures left unpaired
// are extra. Pairing by raw rather than offset survives text shifts; raw is
// the source span in the original script, which script conversion and
// chrome removal do not change.
//
// Compared fields: value, value_text, unit, qualifier, raw, year, subject,
// from_value, to_value, period_unit, basis. Tolerance is relative: value, from_value
// and to_value are equal when |got-want| <= tolerance*max(|got|,|want|), so
// 0.001 allows 0.1%. With a tolerance of 0 values must be identical and
// value_text is compared too; with a tolerance above 0 value_text is not
// compared (it is the exact spelling of value).
//
// A golden document absent from the output, or an output document absent
// from the golden set, is a difference; its figures count as missing or
// extra in the per-kind precision and recall, where precision is correct /
// output figures and recall is correct / golden figures.
package verify
