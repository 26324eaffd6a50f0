package results_test

import (
	"bytes"
	"strconv"
	"time"
)

func testingNow() time.Time            { return time.Now() }
func testingSince(t time.Time) float64 { return time.Since(t).Seconds() }
func decode(b []byte) []byte {
	lines := bytes.SplitN(b, []byte("\n"), 2)
	s := string(bytes.TrimSpace(lines[1]))
	s = s[len("[]byte(") : len(s)-1]
	u, err := strconv.Unquote(s)
	if err != nil {
		panic(err)
	}
	return []byte(u)
}
