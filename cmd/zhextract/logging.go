package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"sync"
)

// lineHandler writes each log record as one plain line in the style of
// every other message on stderr: "zhextract run: warning: document failed:
// source=a.html err=…". The pipeline logs through slog; this keeps its
// lines and the commands' own messages in one style with one prefix.
type lineHandler struct {
	mu     *sync.Mutex
	w      io.Writer
	prefix string // "zhextract run"
	min    slog.Level
	attrs  string // pre-rendered attributes of WithAttrs
	group  string // key prefix of WithGroup, "g." when set
}

func newLineHandler(w io.Writer, prefix string, min slog.Level) *lineHandler {
	return &lineHandler{mu: new(sync.Mutex), w: w, prefix: prefix, min: min}
}

func (h *lineHandler) Enabled(_ context.Context, l slog.Level) bool { return l >= h.min }

func (h *lineHandler) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	b.WriteString(h.prefix)
	b.WriteString(": ")
	switch {
	case r.Level >= slog.LevelError:
		b.WriteString("error: ")
	case r.Level >= slog.LevelWarn:
		b.WriteString("warning: ")
	}
	b.WriteString(r.Message)
	if h.attrs != "" || r.NumAttrs() > 0 {
		b.WriteString(":")
		b.WriteString(h.attrs)
		r.Attrs(func(a slog.Attr) bool {
			writeAttr(&b, h.group, a)
			return true
		})
	}
	b.WriteString("\n")
	h.mu.Lock()
	defer h.mu.Unlock()
	_, err := io.WriteString(h.w, b.String())
	return err
}

func (h *lineHandler) WithAttrs(as []slog.Attr) slog.Handler {
	c := *h
	var b strings.Builder
	for _, a := range as {
		writeAttr(&b, h.group, a)
	}
	c.attrs += b.String()
	return &c
}

func (h *lineHandler) WithGroup(name string) slog.Handler {
	if name == "" {
		return h
	}
	c := *h
	c.group += name + "."
	return &c
}

// writeAttr appends " key=value", quoting values with spaces or quotes.
func writeAttr(b *strings.Builder, group string, a slog.Attr) {
	a.Value = a.Value.Resolve()
	if a.Equal(slog.Attr{}) {
		return
	}
	if a.Value.Kind() == slog.KindGroup {
		g := group
		if a.Key != "" {
			g += a.Key + "."
		}
		for _, ga := range a.Value.Group() {
			writeAttr(b, g, ga)
		}
		return
	}
	v := a.Value.String()
	if a.Value.Kind() == slog.KindAny {
		v = fmt.Sprint(a.Value.Any())
	}
	if v == "" || strings.ContainsAny(v, " \t\n\"=") {
		v = strconv.Quote(v)
	}
	fmt.Fprintf(b, " %s%s=%s", group, a.Key, v)
}
