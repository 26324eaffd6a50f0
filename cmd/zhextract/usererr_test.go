package main

import "testing"

func TestUserPaths(t *testing.T) {
	tests := []struct{ in, want string }{
		{"write report /nonexist/r.html: open /nonexist/.r.html.tmp-25bf9k47h3flw: no such file or directory",
			"write report /nonexist/r.html: open /nonexist/r.html: no such file or directory"},
		{"open .x.tmp-3567728974: permission denied", "open x: permission denied"},
		{`close "out/.documents.parquet.tmp-12": disk full`, `close "out/documents.parquet": disk full`},
		{"write golden/.golden-123.tmp: no space left on device", "write golden: no space left on device"},
		{"open out/documents.parquet: no such file", "open out/documents.parquet: no such file"},
		{"input ./.hidden.txt: no such file", "input ./.hidden.txt: no such file"},
	}
	for _, tt := range tests {
		if got := userPaths(tt.in); got != tt.want {
			t.Errorf("userPaths(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}
