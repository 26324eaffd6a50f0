package resultstest

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/schema"
)

// Sample returns a small output: two processed documents with figures of
// every kind and edits of several stages, and one failed document. Figure
// offsets are located in the texts, so they are right by construction.
func Sample() ([]schema.Document, []schema.Figure, []schema.Edit) {
	pub := time.Date(2021, 3, 5, 0, 0, 0, 0, time.UTC)
	d1 := schema.Document{
		DocID: "57ee527ed9377c6b", Source: "in/000_57ee527ed9377c6b.txt", Status: schema.StatusOK,
		Encoding: "utf-8", Script: "simplified", Title: "威海市交通运输局", Publisher: "威海市交通运输局",
		PublishedAt: &pub, URL: "http://example.com/a?x=1&y=<2>",
		Text: "威海市交通运输局\n\n2020年改造农村公路559公里，总投资约390亿元。\n" +
			"预计年内完成投资100亿元。\n新建大型豪华客滚船，总投资近4亿元。<script>alert(1)</script>\n",
	}
	d2 := schema.Document{
		DocID: "bd1b06f2a63dcd9f", Source: "in/002_bd1b06f2a63dcd9f.html", Status: schema.StatusOK,
		Encoding: "big5", Script: "traditional", Title: "深化改革",
		Text: "办理材料压减56%，办理时间由60个工作日缩减至最多5个工作日。\n" +
			"2025年补助资金12.5亿元。\n",
		TextOriginalScript: "辦理材料壓減56%，辦理時間由60個工作日縮減至最多5個工作日。\n" +
			"2025年補助資金12.5億元。\n",
	}
	d3 := schema.Document{
		DocID: "0f0e0d0c0b0a0908", Source: "in/003_broken.txt", Status: schema.StatusFailed,
		Error: "decode: not text (binary data)",
	}
	docs := []schema.Document{d1, d2, d3}
	for i := range docs {
		docs[i].Chars = int64(utf8.RuneCountInString(docs[i].Text))
		docs[i].Bytes = int64(len(docs[i].Text) + 40*i)
	}
	d1, d2 = docs[0], docs[1]

	y2020, y2025 := int32(2020), int32(2025)
	from, to := 60.0, 5.0
	var figs []schema.Figure
	add := func(d schema.Document, kind, value, unit, qual, span, raw string, year *int32, subject string) *schema.Figure {
		start := strings.Index(d.Text, span)
		if start < 0 {
			panic("resultstest: span not in text: " + span)
		}
		var v float64
		fmt.Sscan(value, &v)
		f := schema.Figure{
			DocID: d.DocID, Source: d.Source, FigureID: fmt.Sprintf("%s-%d", d.DocID, len(figs)),
			Kind: kind, Value: v, ValueText: value, Unit: unit, Qualifier: schema.NullString(qual), Raw: raw,
			TextStart: int64(start), TextEnd: int64(start + len(span)), Year: year, Subject: schema.NullString(subject), SubjectOriginalScript: schema.NullString(subject),
			Extractor: kind + ".v1",
		}
		figs = append(figs, f)
		return &figs[len(figs)-1]
	}
	add(d1, "road_length", "559", "km", "", "改造农村公路559公里", "改造农村公路559公里", &y2020, "农村公路")
	add(d1, "investment", "39000000000", "CNY", "approx", "总投资约390亿元", "总投资约390亿元", &y2020, "")
	add(d1, "investment", "10000000000", "CNY", "", "预计年内完成投资100亿元", "预计年内完成投资100亿元", &y2020, "")
	add(d1, "investment", "400000000", "CNY", "approx", "总投资近4亿元", "总投资近4亿元", nil, "大型豪华客滚船")
	add(d2, "material_cut", "56", "%", "", "办理材料压减56%", "辦理材料壓減56%", nil, "")
	tc := add(d2, "time_cut", "91.6667", "%", "", "办理时间由60个工作日缩减至最多5个工作日", "辦理時間由60個工作日縮減至最多5個工作日", nil, "")
	tc.FromValue, tc.ToValue, tc.PeriodUnit = &from, &to, "工作日"
	add(d2, "funding", "1250000000", "CNY", "", "补助资金12.5亿元", "補助資金12.5億元", &y2025, "")
	for i := range figs {
		text := d1.Text
		if figs[i].DocID == d2.DocID {
			text = d2.Text
		}
		lineStart := strings.LastIndexByte(text[:figs[i].TextStart], '\n') + 1
		lineEnd := strings.IndexByte(text[figs[i].TextEnd:], '\n') + int(figs[i].TextEnd)
		figs[i].Sentence = text[lineStart:lineEnd]
	}

	edits := []schema.Edit{
		{DocID: d1.DocID, Stage: "chrome", Seq: 0, TextStart: 0, TextEnd: 23, Old: "首页 > 新闻中心 > 正文\n", New: "", Reason: "navigation line"},
		{DocID: d1.DocID, Stage: "mojibake", Seq: 1, TextStart: 40, TextEnd: 46, Old: "鍏姩", New: "公路", Reason: "utf-8 read as gbk"},
		{DocID: d1.DocID, Stage: "pinyin", Seq: 2, TextStart: 60, TextEnd: 71, Old: "(wēi hǎi)", New: "", Reason: "pinyin annotation of 威海"},
		{DocID: d2.DocID, Stage: "chrome", Seq: 0, TextStart: 0, TextEnd: 12, Old: "相關閱讀\n", New: "", Reason: "related-links footer"},
	}
	for i := range edits {
		edits[i].TextEnd = edits[i].TextStart + int64(len(edits[i].Old))
	}
	return docs, figs, edits
}
