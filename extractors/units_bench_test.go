package extractors

import "testing"

// BenchmarkUnitScans is the unit scans the road and money extractors run
// over every candidate sentence, here over the seed text whole.
func BenchmarkUnitScans(b *testing.B) {
	text := seedText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		_ = lengthUnits(text)
		_ = moneyUnits(text)
	}
}
