package decode

// FirstDeclared returns the first of several declared charsets (an HTTP
// header's, then a page's meta charset) that names a Chinese legacy
// charset the decoder can use, else the first non-empty one. Servers often
// send a default (ISO-8859-1) that the page's own declaration corrects;
// either way the bytes still have the last word.
func FirstDeclared(labels ...string) string {
	first := ""
	for _, l := range labels {
		switch canonical(l) {
		case "gb18030", "big5":
			return l
		case "":
		default:
			if first == "" {
				first = l
			}
		}
	}
	return first
}
