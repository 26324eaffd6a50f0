package extractors

import "strings"

// leadBytes is how much text before a chunk its extraction reads: wayBefore
// looks 600 bytes back from a sentence.
const leadBytes = 640

// Context is what extraction at the start of a chunk of a document needs
// from the text before it: the year of the last scope line and of the last
// date stamp (years inherited from far back), and the last lines (a road
// named in a headline just above). The zero Context is the start of a
// document.
type Context struct {
	lead  string
	scope *yearMention
	iso   int
}

// TailOf returns the Context that text leaves for the text after it, on its
// own (combine with Then). text should end at a line break.
func TailOf(text string) Context {
	var c Context
	ys := findYears(text)
	if sc := scopeMentions(text, ys); len(sc) > 0 {
		m := sc[len(sc)-1]
		c.scope = &yearMention{year: m.year, ranged: m.ranged}
	}
	c.iso = lastISOIn(ys, len(text))
	c.lead = leadOf(text)
	return c
}

// Then returns the Context after the text that left c followed by the text
// that left next on its own.
func (c Context) Then(next Context) Context {
	out := next
	if out.scope == nil {
		out.scope = c.scope
	}
	if out.iso == 0 {
		out.iso = c.iso
	}
	if len(next.lead) < leadBytes {
		out.lead = leadOf(c.lead + next.lead)
	}
	return out
}

// leadOf is the shortest run of whole lines at the end of text holding at
// least leadBytes bytes (all of text when shorter).
func leadOf(text string) string {
	if len(text) <= leadBytes {
		return text
	}
	i := strings.LastIndexByte(text[:len(text)-leadBytes], '\n')
	return strings.Clone(text[i+1:])
}
