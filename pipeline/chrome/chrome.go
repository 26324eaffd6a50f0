// Package chrome removes page chrome from text that was scraped from web
// pages: navigation and related-article blocks above the article, a title
// repeated at the top, the byline, comment and share widgets at the end. It
// also rejoins sentences that a scraper broke across lines. Every change is
// an edit of stage "chrome"; title, publisher and date go to Meta.
//
// It is conservative: only lines that read as labels, lists or bylines are
// removed, never a line that reads as article prose. The title stays in the
// text as its first line (only its repeats go), so figures in a title are
// still extracted.
package chrome

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/chrome/cue"
	"github.com/zhextract/zhextract/pipeline/textedit"
)

// Stage is the name chrome edits carry.
const Stage = "chrome"

// Meta is the page metadata: the title, the publisher (site, agency or
// newspaper), the publication time as RFC 3339 (+08:00 when the page gives
// no zone, midnight when it gives no time) and the canonical URL. Empty
// fields are unknown. htmltext.Meta is the same type.
type Meta struct {
	Title, Publisher, PublishedAt, URL string
}

// Options tune Clean for its callers.
type Options struct {
	// JoinBroken rejoins sentences broken across lines. Text scraped as
	// plain text needs it; lines made from HTML blocks do not.
	JoinBroken bool
	// NotStart and NotEnd say the text is a chunk of a larger document
	// that does not hold its start (no title, byline or header chrome is
	// looked for) or its end (no footer, tail bylines or trailing chrome).
	NotStart, NotEnd bool
	// Kept says the caller knows every non-blank line of the text but the
	// first and the last to be a line an earlier CleanWith without
	// JoinBroken kept whole: a line no single-line rule names as chrome
	// (htmltext cleans an article's lines and the chrome stage gets them). Those lines are not classified
	// again; the first and last are, as trimming the text may have changed
	// them. The rules that read across lines still run.
	Kept bool
	// Bylines, when not nil, answers the byline rules' questions about
	// lines the caller already asked it about (htmltext dates a page by
	// the lines near its title, which the article's text holds again).
	Bylines *cue.BylineMemo
	// Scratch, when not nil, lends CleanWith its storage, kept by the
	// caller from text to text (htmltext keeps one per extractor).
	Scratch *Scratch
	// Record, when not nil, is filled with the lines of the output (their
	// Stats and folds), for a later CleanWith of it with Reuse. With
	// JoinBroken it is left empty: a joined line is no line of the text.
	Record *Lines
	// Reuse, when not nil, is an earlier CleanWith's Record whose Text is
	// the text: the lines of the text that are lines of that output whole
	// (all but a first or last line trimming shortened) are not measured
	// or folded again (their Stats and fold are functions of their bytes
	// alone). Reuse is ignored when its Text is not the text.
	Reuse *Lines
	// Measured, when not nil, has the Stats of the text's lines as the
	// caller counted them (cue.Measure of each whole line), one per line
	// in order; a line whose Stats are not known has Runes < 0. Those
	// known are not measured again (htmltext sums them from the counts
	// of the page's text nodes).
	Measured []cue.Stats

	// exact measures every line whole and asks the byline rules about
	// every line, not only those BylineShaped (tests hold the shortcuts
	// to it).
	exact bool
}

// Scratch is storage CleanWith reuses: the lines of the text it cleans.
// One CleanWith at a time may use a Scratch; nothing it returns refers
// to it.
type Scratch struct {
	lines []line
}

// Lines is what a CleanWith learned about the lines of its output (see
// Options.Record): a second CleanWith of the output, as the chrome stage
// runs on htmltext's article, need not measure and fold them again.
type Lines struct {
	text  string     // the output trimmed (strings.TrimSpace)
	base  int        // how many lines of the output lie before text's first
	lines []lineMemo // the output's lines, in order
}

// Text returns the text a Reuse of ls applies to: the output it was
// recorded from with leading and trailing white space trimmed.
func (ls *Lines) Text() string {
	if ls == nil {
		return ""
	}
	return ls.text
}

// lineMemo is one output line as split measured it and the fold made it.
type lineMemo struct {
	n    int // the line's length in bytes, checked before reuse
	st   cue.Stats
	part bool
	// fold is the line folded when folding changes a byte of it, else "".
	fold string
}

// Edit reasons beyond the cue kinds.
const (
	ReasonRepeatedTitle = "repeated title"
	ReasonJoined        = "joined broken line"
)

// How far from the top a byline may be, in non-blank lines.
const headerLines = 30

type line struct {
	start, end int // text[start:end] is the line without its newline
	st         cue.Stats
	drop       string // removal reason, "" to keep
	joinNext   bool   // the break after this line is a broken sentence
	// reused says st and part (and the fold) come from Options.Reuse.
	reused bool
	// part says st measures only the start of a long line (see
	// measureLine): its counts are lower bounds, with Runes > foldRunes and
	// Punct >= 1, which is all the rules read of a line in the middle of
	// a text. stats measures the rest for the header and footer rules.
	part bool
}

func (l *line) blank() bool { return l.st.Runes == 0 }

// stats returns the line's exact Stats. view is the text or its folded
// view: a part-measured line is longer than foldRunes, so never folded,
// and both hold the same bytes there.
func (l *line) stats(view string) cue.Stats {
	if l.part {
		l.st, l.part = cue.Measure(view[l.start:l.end]), false
	}
	return l.st
}

// Clean removes chrome from scraped plain text and returns the clean text,
// the edits (byte offsets into text) and the metadata found.
func Clean(text string) (string, []textedit.Edit, Meta) {
	return CleanWith(text, Options{JoinBroken: true})
}

// CleanWith is Clean with options.
func CleanWith(text string, opt Options) (string, []textedit.Edit, Meta) {
	// The rules read the text with traditional characters folded (相關新聞
	// as 相关新闻): the view has the text's byte offsets, the output and the
	// metadata are the text's own. Only lines short enough for a rule to
	// name are folded (a paragraph of prose is no chrome, whatever its
	// script).
	var lines []line
	if opt.Scratch != nil {
		lines = opt.Scratch.lines[:0]
	}
	reuse, base := reusable(opt, text)
	measured := opt.Measured
	if opt.exact {
		measured = nil
	}
	lines, view := lineView(lines, text, opt.exact, reuse, base, measured)
	if opt.Record != nil {
		*opt.Record = Lines{lines: opt.Record.lines[:0]}
	}
	if opt.Record != nil && !opt.JoinBroken {
		// Recorded before the rules run: header and footer measure some
		// part-measured lines whole, which split would not.
		record(opt.Record, text, view, lines)
	}
	first, last := -1, len(lines)
	if opt.Kept {
		for first+1 < len(lines) && lines[first+1].blank() {
			first++
		}
		first++
		for last-1 >= 0 && lines[last-1].blank() {
			last--
		}
		last--
	}
	for i := range lines {
		l := &lines[i]
		// A kept line's drop was classify's "" (the later rules only ever
		// set one): classify is a function of the line alone.
		if !l.blank() && (!opt.Kept || i == first || i == last) {
			l.drop = classify(view[l.start:l.end], l.st)
		}
	}
	var meta Meta
	if !opt.NotStart {
		header(view, lines, &meta, opt.Bylines, opt.exact)
		meta = unfold(meta, view, text)
	}
	if !opt.NotEnd {
		footer(view, lines)
		tailBylines(view, lines, opt.Bylines)
	}
	if opt.JoinBroken {
		join(view, lines)
	}
	out, eds := build(text, lines, !opt.NotEnd)
	if opt.Record != nil && !opt.JoinBroken {
		keepRecorded(opt.Record, out, lines, eds)
	}
	if opt.Scratch != nil {
		opt.Scratch.lines = lines[:0]
	}
	return out, eds, meta
}

// lineView appends the lines of text to lines (see split) and folds the
// short ones into the view it returns, taking reused lines' folds from
// reuse.
func lineView(lines []line, text string, exact bool, reuse []lineMemo, base int, measured []cue.Stats) ([]line, string) {
	lines = split(lines, text, exact, reuse, base, measured)
	var buf []byte
	for i, l := range lines {
		if l.blank() || l.st.Runes > foldRunes {
			continue
		}
		if !l.reused {
			buf = cue.FoldSpan(buf, text, l.start, l.end)
		} else if f := reuse[base+i].fold; f != "" {
			if buf == nil {
				buf = []byte(text)
			}
			copy(buf[l.start:l.end], f)
		}
	}
	return lines, cue.View(buf, text)
}

// foldRunes bounds the lines CleanWith folds: classify reads none longer
// (120 runes), and the header, footer and byline rules read shorter ones.
const foldRunes = 120

// unfold gives the metadata read in the folded view the text's own
// characters: a title or publisher is a piece of the view, and the text
// holds it at the same offsets.
func unfold(m Meta, view, text string) Meta {
	if view == text {
		return m
	}
	back := func(v string) string {
		if i := strings.Index(view, v); v != "" && i >= 0 {
			return text[i : i+len(v)]
		}
		return v
	}
	m.Title, m.Publisher = back(m.Title), back(m.Publisher)
	return m
}

// HeaderLines is how many non-blank lines at the top of a text the header
// rules may read: a text split into chunks keeps at least these in its
// first chunk.
const HeaderLines = headerLines + 10

// Anchor reports whether a line keeps the rules that read across lines
// apart: a kept line of article prose ending a sentence, which the header
// scan stops before, the footer and tail-byline scans stop at, and no
// broken-line join crosses. Clean on a text split at a line break between
// two anchors (the first chunk holding HeaderLines non-blank lines) gives
// the edits of Clean on the whole, chunk by chunk.
func Anchor(line string) bool {
	// It must end a sentence: brokenAfter and continues would join it.
	// Read first, on the line unfolded: most lines fail it, and it reads
	// the same on the fold (no character folds to or from 。 or U+3000,
	// and ！ and ？ lie outside the folded range; TestFoldKeepsAnchorMarks).
	if r := lastRune(line); r != '。' && r != '！' && r != '？' {
		return false
	}
	line = cue.Fold(line) // as CleanWith reads it
	st := cue.Measure(line)
	if st.Runes <= 60 || st.Stops == 0 || st.Han*10 < st.Runes || classify(line, st) != "" || !st.Prose() || hasLabel(line) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(line)
	return !cue.Numbered(line) && r != ' ' && r != '\t' && r != '\u3000'
}

// record puts the lines of text, as split measured them and view folds
// them, in ls.
func record(ls *Lines, text, view string, lines []line) {
	ls.lines = slices.Grow(ls.lines[:0], len(lines))
	folded := view != text
	for _, l := range lines {
		m := lineMemo{n: l.end - l.start, st: l.st, part: l.part}
		if v := view[l.start:l.end]; folded && v != text[l.start:l.end] {
			m.fold = v
		}
		ls.lines = append(ls.lines, m)
	}
}

// keepRecorded leaves in ls the lines of the text that out keeps, and
// notes the text a Reuse applies to. build removes whole lines (a tail
// removal starts at the newline ending the last kept line), so out is the
// kept lines, each whole, in order; eds are in order and do not overlap.
func keepRecorded(ls *Lines, out string, lines []line, eds []textedit.Edit) {
	k, e := 0, 0
	for i, l := range lines {
		for e < len(eds) && eds[e].End <= l.start {
			e++
		}
		if e < len(eds) && eds[e].Start <= l.start {
			continue // removed
		}
		ls.lines[k] = ls.lines[i]
		k++
	}
	ls.lines = ls.lines[:k]
	ls.text = strings.TrimSpace(out)
	off := len(out) - len(strings.TrimLeftFunc(out, unicode.IsSpace)) // where TrimSpace's result starts
	ls.base = strings.Count(out[:off], "\n")
}

// reusable returns the recorded lines of opt.Reuse and the index of the
// text's first line among them, or nil when there is nothing to reuse.
func reusable(opt Options, text string) ([]lineMemo, int) {
	if opt.Reuse == nil || opt.exact || opt.Reuse.text != text {
		return nil, 0
	}
	return opt.Reuse.lines, opt.Reuse.base
}

// split appends the lines of text to lines, measuring only the start of
// long ones unless exact. Line i of text is reuse[base+i] when it has
// its length (trimming may have shortened the first and the last); its
// Stats are measured[i] when those are known (Options.Measured: exact,
// as part-measured ones serve, see line.part).
func split(lines []line, text string, exact bool, reuse []lineMemo, base int, measured []cue.Stats) []line {
	lines = slices.Grow(lines, strings.Count(text, "\n")+1)
	for pos, i := 0, 0; pos < len(text); i++ {
		end, next := len(text), len(text)
		if j := strings.IndexByte(text[pos:], '\n'); j >= 0 {
			end, next = pos+j, pos+j+1
		}
		var st cue.Stats
		var part, reused bool
		// Text is the recorded output trimmed: its line i is a suffix (i = 0)
		// or prefix (the last) of output line base+i, or that whole line,
		// so the same length means the same bytes.
		if k := base + i; k < len(reuse) && reuse[k].n == end-pos {
			st, part, reused = reuse[k].st, reuse[k].part, true
		} else if i < len(measured) && measured[i].Runes >= 0 {
			st = measured[i]
		} else if exact {
			st = cue.Measure(text[pos:end])
		} else {
			st, part = measureLine(text[pos:end])
		}
		lines = append(lines, line{start: pos, end: end, st: st, part: part, reused: reused})
		pos = next
	}
	return lines
}

// measurePrefix is how many bytes of a long line measureLine reads first:
// 140 three-byte characters, so more than foldRunes runes in prose.
const measurePrefix = 3 * (foldRunes + 20)

// measureLine measures s, or only its first measurePrefix bytes (cut at a
// character's start) when they already hold more than foldRunes runes and
// a punctuation mark: then part is true. A paragraph of prose is most of
// a text's bytes, and classify, the fold and the join rules read no more
// of it than that. Counts of a prefix cut where a character starts are
// lower bounds of the whole line's: Measure decodes left to right, and no
// character it decodes crosses the cut.
func measureLine(s string) (st cue.Stats, part bool) {
	if len(s) <= measurePrefix {
		return cue.Measure(s), false
	}
	k := measurePrefix
	for k > 0 && s[k]&0xc0 == 0x80 {
		k--
	}
	if st := cue.Measure(s[:k]); st.Runes > foldRunes && st.Punct >= 1 {
		return st, true
	}
	return cue.Measure(s), false
}

// classify names the chrome a single line is, or "".
func classify(s string, st cue.Stats) string {
	if st.Runes > 120 {
		return ""
	}
	if cue.NoCue(s, st) {
		// One pass over the bytes rules out every marker and breadcrumb:
		// most short lines of a text are headings and prose, which the
		// tests below read eight times over.
		if st.Runes <= 80 && cue.RelativeTime(s) {
			return cue.Related
		}
		return ""
	}
	if k := cue.MarkerOf(s, st); k != "" {
		return k
	}
	if st.Runes <= 80 && cue.RelativeTime(s) {
		return cue.Related
	}
	if cue.Breadcrumb(s) {
		return cue.Navigation
	}
	return ""
}

// header finds the title and the byline at the top. With a dated byline,
// short label lines above the title that sit among classified chrome lines
// are navigation too (seed 001: a column slogan between 专栏名称 and 目录).
func header(text string, lines []line, meta *Meta, bylines *cue.BylineMemo, exact bool) {
	var top []int // non-blank line indexes near the top, up to the first prose
	for i := range lines {
		if lines[i].blank() {
			continue
		}
		// The lines header reads further are top's: their Stats are exact.
		if len(top) == headerLines || lines[i].drop == "" && lines[i].stats(text).Prose() {
			break
		}
		lines[i].stats(text)
		top = append(top, i)
	}
	// A number alone above the article's first sentence is a view count.
	for _, i := range top {
		if lines[i].drop == "" && cue.BareNumber(text[lines[i].start:lines[i].end]) {
			lines[i].drop = cue.Counter
		}
	}
	by := -1
	var b cue.Byline
	for _, i := range top {
		// A top line's Stats are exact, and the view's fold changes no
		// count BylineShaped reads (TestFoldKeepsStats).
		if lines[i].drop != "" || !exact && !cue.BylineShaped(lines[i].st) {
			continue
		}
		if bl, ok := bylines.Parse(text[lines[i].start:lines[i].end]); ok && bl.PublishedAt != "" {
			by, b = i, bl
			break
		}
	}
	title := -1
	if by >= 0 {
		lastChrome := -1
		for _, i := range top {
			if i < by && lines[i].drop != "" {
				lastChrome = i
			}
		}
		for _, i := range top {
			if i >= by {
				break
			}
			if i < lastChrome && lines[i].drop == "" && lines[i].st.Runes <= 40 && lines[i].st.Stops == 0 {
				lines[i].drop = cue.Navigation
			}
			if i > lastChrome && title < 0 && titleLike(text[lines[i].start:lines[i].end], lines[i].st) {
				title = i
			}
		}
		lines[by].drop = cue.BylineLine
		meta.Publisher, meta.PublishedAt = b.Publisher, b.PublishedAt
	}
	if title < 0 {
		for _, i := range top {
			if lines[i].drop != "" {
				continue
			}
			if titleLike(text[lines[i].start:lines[i].end], lines[i].st) && hasBodyAfter(lines, i) {
				title = i
			}
			break
		}
	}
	if title >= 0 {
		t := cue.Trim(text[lines[title].start:lines[title].end])
		meta.Title = t
		// Copies of the title right after it (blank and chrome lines
		// between), also shortened ones: a gallery's or a page's second title.
		for i := title + 1; i < len(lines); i++ {
			if lines[i].blank() || lines[i].drop != "" {
				continue
			}
			if !titleCopy(cue.Trim(text[lines[i].start:lines[i].end]), t) {
				break
			}
			lines[i].drop = ReasonRepeatedTitle
		}
	}
	// A byline without a date right under the title: "齐鲁晚报·齐鲁壹点记者 刘宁".
	if by < 0 && title >= 0 {
		n := 0
		for i := title + 1; i < len(lines) && n < 3; i++ {
			if lines[i].blank() || lines[i].drop != "" {
				continue
			}
			n++
			// A part-measured line has over 120 runes, so no byline shape,
			// as its whole Stats show too.
			if !exact && !cue.BylineShaped(lines[i].st) {
				continue
			}
			if bl, ok := bylines.Parse(text[lines[i].start:lines[i].end]); ok {
				lines[i].drop = cue.BylineLine
				if meta.Publisher == "" {
					meta.Publisher = bl.Publisher
				}
				if meta.PublishedAt == "" {
					meta.PublishedAt = bl.PublishedAt
				}
				break
			}
		}
	}
}

// titleCopy reports a line that repeats the title, whole or as most of it
// ("黄河大桥主塔封顶" under "航拍：黄河大桥主塔封顶").
func titleCopy(s, title string) bool {
	if s == title {
		return true
	}
	// Most lines are not in the title at all: that test goes first, and
	// the counting is left to the few that are.
	if !strings.Contains(title, s) {
		return false
	}
	n := cue.RuneLen(s)
	return n >= 4 && n*5 >= cue.RuneLen(title)*3 && cue.Measure(s).Stops == 0
}

// titleLike: short, not a sentence, not a numbered heading or list item.
func titleLike(s string, st cue.Stats) bool {
	return st.Runes >= 4 && st.Runes <= 80 && st.Stops == 0 && st.Punct <= 2 && !cue.Numbered(s)
}

// hasBodyAfter reports text after line i, so a one-line note has no title.
func hasBodyAfter(lines []line, i int) bool {
	n := 0
	for _, l := range lines[i+1:] {
		n += l.st.Runes // a part-measured line's count is over 40 too
		if n >= 40 {
			return true
		}
	}
	return false
}

// footer drops a trailing section of chrome: from a section marker such as
// 相关推荐 or 评论列表 to the end, when nothing after the marker reads as
// article text.
func footer(text string, lines []line) {
	cut := -1
	for i := len(lines) - 1; i >= 0; i-- {
		l := &lines[i]
		if l.blank() {
			continue
		}
		if l.drop != "" && cue.SectionHead(l.drop) {
			cut = i
			continue
		}
		st := l.stats(text)
		if l.drop != "" || st.Runes <= 40 && st.Stops == 0 && !st.Prose() {
			continue
		}
		// A notice's translation under a Chinese article ("Notice: The
		// content above ...") is part of the notice.
		if st.Han*10 < st.Runes {
			continue
		}
		break
	}
	if cut < 0 {
		return
	}
	reason := lines[cut].drop
	for i := cut; i < len(lines); i++ {
		if lines[i].blank() {
			continue
		}
		if lines[i].drop == "" {
			lines[i].drop = reason
		}
	}
}

// tailLabels label a source or publication line.
var tailLabels = []string{"来源：", "来源:", "发布机构", "发布单位", "发布日期", "发布时间", "信息来源", "文章来源", "稿件来源"}

// tailLabelSet finds tailLabels in one pass over a line.
var tailLabelSet = cue.NewWords(tailLabels...)

// tailBylines drops labelled source and date lines at the very end of the
// text ("发布日期：2023-01-16", "（文章来源：某某证券报）"). A signature and an
// unlabelled date, which end official documents, stay.
func tailBylines(text string, lines []line, bylines *cue.BylineMemo) {
	for i := len(lines) - 1; i >= 0; i-- {
		l := &lines[i]
		if l.blank() || l.drop != "" {
			continue
		}
		s := text[l.start:l.end]
		if l.st.Runes > 60 || !hasLabel(s) { // a part-measured line's count is over 60 too
			return
		}
		if _, ok := bylines.Parse(s); !ok {
			return
		}
		l.drop = cue.BylineLine
	}
}

func hasLabel(s string) bool {
	// "数据来源：" under a table and "资料来源：" under a compilation cite
	// the article's sources: they are text.
	if strings.Contains(s, "数据来源") || strings.Contains(s, "资料来源") {
		return false
	}
	return tailLabelSet.Any(s)
}

// join marks line breaks inside a sentence (seed 000: "业务工\n\n作两者…"):
// the line before is prose that stops mid-word, the line after continues it.
// Headings and list items keep their own lines.
func join(text string, lines []line) {
	prev := -1
	for i := range lines {
		l := &lines[i]
		if l.blank() {
			continue
		}
		if l.drop != "" {
			prev = -1
			continue
		}
		if prev >= 0 && brokenAfter(text, &lines[prev]) && continues(text, l) {
			lines[prev].joinNext = true
		}
		prev = i
	}
}

func brokenAfter(text string, l *line) bool {
	// A part-measured line's counts pass these tests as its full counts do.
	if l.st.Runes < 15 || l.st.Punct < 1 {
		return false
	}
	return cue.IsHan(lastRune(text[l.start:l.end]))
}

// lastRune is the last character of s before trailing ' ', '\t', '\r' and
// U+3000 (utf8.RuneError when there is none), as strings.TrimRight with
// those four and utf8.DecodeLastRuneInString give it. It trims by bytes:
// the cutset is three ASCII bytes and one three-byte form, whose lead byte
// E3 cannot be part of a longer character, and the decoder runs once.
func lastRune(s string) rune {
	for n := len(s); n > 0; n = len(s) {
		switch c := s[n-1]; {
		case c == ' ' || c == '\t' || c == '\r':
			s = s[:n-1]
		case c == 0x80 && n >= 3 && s[n-3] == 0xe3 && s[n-2] == 0x80:
			s = s[:n-3]
		default:
			r, _ := utf8.DecodeLastRuneInString(s)
			return r
		}
	}
	return utf8.RuneError
}

func continues(text string, l *line) bool {
	s := text[l.start:l.end]
	r, _ := utf8.DecodeRuneInString(s)
	if !cue.IsHan(r) || cue.Numbered(s) {
		return false
	}
	// A heading after a paragraph has no commas; a sentence tail does.
	return l.st.Punct >= 1
}

// build writes the output and the edits: a removed line takes its newline
// and the blank lines after it along (trailing chrome takes the newline
// before it instead); a joined break drops the newlines and blank lines
// between the two halves.
func build(text string, lines []line, atEnd bool) (string, []textedit.Edit) {
	lastKept := -1
	for i := range lines {
		if !lines[i].blank() && lines[i].drop == "" {
			lastKept = i
		}
	}
	b := textedit.NewBuilder(text, Stage)
	tail := false
	for i := 0; i < len(lines); i++ {
		l := &lines[i]
		switch {
		case l.drop != "":
			j := i + 1
			for j < len(lines) && lines[j].blank() && nextDropped(lines, j) {
				j++
			}
			start, end := l.start, len(text)
			if j < len(lines) {
				end = lines[j].start
			}
			if atEnd && i > lastKept && lastKept >= 0 && !tail {
				start, tail = lines[lastKept].end, true
			}
			b.Replace(start, end, "", l.drop)
			i = j - 1
		case l.joinNext:
			j := i + 1
			for j < len(lines) && lines[j].blank() {
				j++
			}
			if j < len(lines) {
				b.Replace(l.end, lines[j].start, "", ReasonJoined)
			}
		}
	}
	return b.String(), b.Edits()
}

// nextDropped reports whether the first non-blank line at or after j is
// dropped (or there is none), so blank lines between removed lines go too.
func nextDropped(lines []line, j int) bool {
	for ; j < len(lines); j++ {
		if !lines[j].blank() {
			return lines[j].drop != ""
		}
	}
	return true
}
