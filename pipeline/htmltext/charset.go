package htmltext

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
)

// How far into a page Charset looks. The HTML spec prescans 1024 bytes, but
// scraped pages often put the meta tag after long comments or scripts.
const charsetScan = 16 << 10

var (
	metaTagRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?is)<meta\b[^>]*>`) })
	charsetRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`) })
	xmlEncodRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^\s*<\?xml[^>]*encoding\s*=\s*["']([a-z0-9_:.\-]+)`)
	})
	httpEquivRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)http-equiv\s*=\s*["']?\s*content-type`) })
)

// Charset returns the charset the page declares in a <meta charset>, a
// <meta http-equiv="Content-Type" content="...; charset=..."> or an XML
// declaration, lower-cased, or "" if none. It does not check the claim:
// pages lie, so the decoder must verify it against the bytes.
func Charset(page []byte) string {
	head := page
	if len(head) > charsetScan {
		head = head[:charsetScan]
	}
	if m := xmlEncodRE().FindSubmatch(head); m != nil {
		return strings.ToLower(string(m[1]))
	}
	for _, tag := range metaTagRE().FindAll(head, -1) {
		m := charsetRE().FindSubmatch(tag)
		if m == nil {
			continue
		}
		// <meta charset=x> counts always; "...; charset=x" inside a content
		// attribute counts only with http-equiv="Content-Type".
		if inContent(tag) && !httpEquivRE().Match(tag) {
			continue
		}
		return strings.ToLower(string(m[1]))
	}
	return ""
}

// inContent reports whether the first "charset" in tag follows a ';', as in
// content="text/html; charset=gbk".
func inContent(tag []byte) bool {
	i := bytes.Index(bytes.ToLower(tag), []byte("charset"))
	for i > 0 {
		i--
		switch tag[i] {
		case ' ', '\t', '\n', '\r':
			continue
		case ';':
			return true
		}
		return false
	}
	return false
}
