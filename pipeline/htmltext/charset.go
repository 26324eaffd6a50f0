package htmltext

import (
	"regexp"
	"strings"
	"sync"
)

// How far into a page Charset looks. The HTML spec prescans 1024 bytes, but
// scraped pages often put the meta tag after long comments or scripts.
const charsetScan = 16 << 10

var (
	metaTagRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?is)<meta\b[^>]*>`) })
	attrRE     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)([a-zA-Z:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`) })
	charsetRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`) })
	xmlEncodRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^\s*<\?xml[^>]*encoding\s*=\s*["']([a-z0-9_:.\-]+)`)
	})
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
		attrs := map[string]string{}
		for _, m := range attrRE().FindAllSubmatch(tag, -1) {
			attrs[strings.ToLower(string(m[1]))] = strings.Trim(string(m[2]), `"'`)
		}
		if cs := strings.TrimSpace(attrs["charset"]); cs != "" {
			return strings.ToLower(cs)
		}
		if strings.EqualFold(strings.TrimSpace(attrs["http-equiv"]), "content-type") {
			if m := charsetRE().FindStringSubmatch(attrs["content"]); m != nil {
				return strings.ToLower(m[1])
			}
		}
	}
	return ""
}
