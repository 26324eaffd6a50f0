package cue

import (
	"regexp"
	"slices"
	"testing"
)

// refDateRE is the expression dateAt reads by hand (FindDate ran it).
var refDateRE = regexp.MustCompile(`((?:19|20)\d\d)\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?:\s*日)?` +
	`(?:(?:\s*|T)(\d{1,2})\s*(?::|时)\s*(\d{1,2})(?:\s*(?::|分)\s*(\d{1,2})(?:\.\d+)?)?` +
	`(?:\s*(Z|[+-]\d\d:?\d\d))?)?`)

// refFindDate is FindDate as it was, with the expression.
func refFindDate(s string) (string, int, int, bool) {
	off := 0
	for off < len(s) {
		if off = yearAt(s, off); off < 0 {
			return "", 0, 0, false
		}
		m := refDateRE.FindStringSubmatchIndex(s[off:])
		if m == nil {
			return "", 0, 0, false
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += off
			}
		}
		if out, good := dateFrom(s, m); good {
			return out, m[0], m[1], true
		}
		off = m[1]
	}
	return "", 0, 0, false
}

// dateCases are dates and near misses of every part of the expression.
func dateCases() []string {
	cases := []string{
		"", "2024", "2024-", "2024-1", "2024-1-", "2024-1-2", "2024-12-16", "2024/12/16", "2024.12.16", "2024年12月16日",
		"2024 年 12 月 16 日", "2024\t-\n12\f-\r16", "2024\v-12-16", "2024-12-16日", "2024-12-16 日", "2024-123-16",
		"2024-12-163", "2024-1-2 3:4", "2024-1-2T3:4", "2024-1-2 T3:4", "2024-1-2T 3:4", "2024-12-16 20:10", "2024-12-16 20 : 10",
		"2024-12-16 20时10分", "2024-12-16 20时10分30秒", "2024-12-16 20:10:30", "2024-12-16 20:10:30.123", "2024-12-16 20:10:30.",
		"2024-12-16 20:10:3", "2024-12-16 20:10:", "2024-12-16 20:10 :", "2024-12-16 20:", "2024-12-16 20", "2024-12-16 201:10",
		"2024-12-16 20:101", "2024-12-16T20:10:00+08:00", "2024-12-16T20:10:00+0800", "2024-12-16T20:10:00 +08:00",
		"2024-12-16T20:10:00+08:0", "2024-12-16T20:10:00+08", "2024-12-16T20:10:00+8:00", "2024-12-16T20:10:00-05:30",
		"2024-12-16T20:10:00Z", "2024-12-16T20:10:00 Z", "2024-12-16T20:10Z", "2024-12-16T20:10+08:00", "2024-12-16 20:10:00.5Z",
		"2024-12-16T20:10:00.5+08:00", "2024-12-16日20:10", "2024-12-16日 T20:10", "2024-12-16T", "2024-12-16TT20:10",
		"1999-01-01", "1899-01-01", "2124-01-01", "19999-01-01", "2024-02-30", "2024-13-01", "2024-00-10", "2024-12-00",
		"2024-12-16 24:00", "2024-12-16 23:60", "2024-12-16 23:59:60", "12024-12-16", "编号12024-12-16，发布于2024-12-17",
		"2024-13-01 至 2024-12-31", "第1920192号 2019年5月1日", "共12.5亿元", "1-10月", "2019 2020-01-02", "201920-01-02",
		"2024年12月16日 20:10 来源：新华社", "2020-01-02 03:04:05+08:00abc", "2020-01-02 03:04:05+08:001", "2020-01-0203:04",
		"2020年1月2日3时4分5", "2020-1-2 3时4:5", "2020-1-2 3:4分5", "2020\xe5-01-02", "2020-01-02\xe6\x97", "2020年\xff1月2日",
		"2020-01-02 \xe6\x97\xa5", "２０２０-01-02",
	}
	// Each case with text around it, and twice over.
	var out []string
	for _, c := range cases {
		out = append(out, c, "发布时间："+c+" 浏览", c+"x"+c, "x"+c+"9", "9"+c)
	}
	return out
}

func TestDateAt(t *testing.T) {
	n := 0
	for _, s := range dateCases() {
		got, gs, ge, gok := FindDate(s)
		want, ws, we, wok := refFindDate(s)
		if got != want || gs != ws || ge != we || gok != wok {
			t.Errorf("FindDate(%q) = %q %d %d %v, want %q %d %d %v", s, got, gs, ge, gok, want, ws, we, wok)
		}
		if wok {
			n++
		}
		// The match and groups at every year, found or not.
		for p := yearAt(s, 0); p >= 0; p = yearAt(s, p+1) {
			want := refDateRE.FindStringSubmatchIndex(s[p:])
			if want != nil && want[0] != 0 {
				want = nil // the expression's match starts later
			}
			for i := range want {
				if want[i] >= 0 {
					want[i] += p
				}
			}
			m, ok := dateAt(s, p)
			if ok != (want != nil) || ok && !slices.Equal(m[:], want) {
				t.Errorf("dateAt(%q, %d) = %v %v, want %v", s, p, m, ok, want)
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d dated cases", n)
	}
}

func FuzzDateAt(f *testing.F) {
	for _, s := range dateCases() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, gs, ge, gok := FindDate(s)
		want, ws, we, wok := refFindDate(s)
		if got != want || gs != ws || ge != we || gok != wok {
			t.Fatalf("FindDate(%q) = %q %d %d %v, want %q %d %d %v", s, got, gs, ge, gok, want, ws, we, wok)
		}
	})
}
