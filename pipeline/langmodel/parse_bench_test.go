package langmodel

import "testing"

// BenchmarkParse is the one-time cost of loading the embedded model, paid
// by the first text that needs it.
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse(modelData); err != nil {
			b.Fatal(err)
		}
	}
}
