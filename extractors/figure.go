// Package extractors finds figures (road kilometres, investment and funding
// totals, cuts to processing time and application materials) in clean,
// simplified Chinese text.
package extractors

// Figure kinds.
const (
	KindRoadLength  = "road_length"
	KindInvestment  = "investment"
	KindFunding     = "funding"
	KindTimeCut     = "time_cut"
	KindMaterialCut = "material_cut"
)

// Qualifiers.
const (
	QualApprox = "approx" // 约, 近, 左右, 大约
	QualOver   = "over"   // 余, 多, 超, 超过, 以上, 逾
	QualUnder  = "under"  // 不到, 以内, 之内, 最多
)

// Units of Figure.Value.
const (
	UnitKm      = "km"
	UnitCNY     = "CNY"
	UnitPercent = "%"
)

// Figure is one figure found in a text. Offsets are byte offsets into the
// text given to the extractor; the pipeline maps them back to the input.
type Figure struct {
	Kind      string
	Value     float64 // normalized: km, yuan, percent 0-100
	ValueText string  // Value as an exact decimal string
	Unit      string  // km, CNY, %
	Qualifier string  // approx, over, under or empty
	Start     int     // span of the figure: from its keyword through its unit
	End       int
	Sentence  string
	Year      int // 0 when unknown
	// Subject is in simplified script (the extractors read simplified
	// text); SubjectOriginal, set by the pipeline, is the same name as the
	// document writes it, empty when it is the same as Subject.
	Subject         string
	SubjectOriginal string `json:",omitempty"`
	// FromValue and ToValue hold "由60个工作日缩减至5个工作日"-style cuts.
	FromValue  *float64
	ToValue    *float64
	PeriodUnit string
	Extractor  string // id of the rule that matched
	// Evidence says why the figure was kept (cue, distance, list position).
	Evidence string
	// Basis is total, completed, planned or allocated for money; else "".
	Basis string
}

// Bases of investment and funding amounts.
const (
	BasisTotal     = "total"     // 总投资, 概算, 估算
	BasisCompleted = "completed" // 完成投资, 累计完成, 已投入
	BasisPlanned   = "planned"   // 计划, 预计, 拟, 力争
	BasisAllocated = "allocated" // 下达, 补助, 争取 (funding)
)
