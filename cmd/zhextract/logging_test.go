package main

import (
	"bytes"
	"errors"
	"log/slog"
	"testing"
)

func TestLineHandler(t *testing.T) {
	tests := []struct {
		name string
		log  func(*slog.Logger)
		want string
	}{
		{"warning with attrs", func(l *slog.Logger) {
			l.Warn("document failed", "source", "a b.html", "err", errors.New("not text"))
		}, "zhextract run: warning: document failed: source=\"a b.html\" err=\"not text\"\n"},
		{"error", func(l *slog.Logger) {
			l.Error("input not found", "err", errors.New("input x: no such file"))
		}, "zhextract run: error: input not found: err=\"input x: no such file\"\n"},
		{"below the level", func(l *slog.Logger) { l.Info("chatter") }, ""},
		{"with and group", func(l *slog.Logger) {
			l.With("stage", "decode").WithGroup("pdf").Warn("slow", "took", 3)
		}, "zhextract run: warning: slow: stage=decode pdf.took=3\n"},
		{"no attrs", func(l *slog.Logger) { l.Error("boom") }, "zhextract run: error: boom\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			tt.log(slog.New(newLineHandler(&b, "zhextract run", slog.LevelWarn)))
			if b.String() != tt.want {
				t.Errorf("got %q\nwant %q", b.String(), tt.want)
			}
		})
	}
}
