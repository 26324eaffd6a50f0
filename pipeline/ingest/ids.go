package ingest

import (
	"fmt"
	"hash/maphash"
)

// IDSet remembers the document ids a run has given out, so that a JSONL id
// or a WARC record id seen before is made unique instead of joining two
// documents' figures. It
// keeps a 64-bit hash per id (the chance of two ids colliding is 2^-64 a
// pair), and only ids the input gives: ids derived from source names are
// unique as the names are. It is not safe for concurrent use; a run reads
// its inputs in one goroutine.
type IDSet struct {
	seed maphash.Seed
	seen map[uint64]struct{}
}

// NewIDSet returns an empty set.
func NewIDSet() *IDSet {
	return &IDSet{seed: maphash.MakeSeed(), seen: map[uint64]struct{}{}}
}

// Add records an id given out earlier (by the run that --resume continues).
func (s *IDSet) Add(id string) {
	s.seen[maphash.String(s.seed, id)] = struct{}{}
}

func (s *IDSet) has(id string) bool {
	_, ok := s.seen[maphash.String(s.seed, id)]
	return ok
}

// unique gives it an id no earlier document has: a duplicate keeps its
// given id followed by "#" and the hash of its source (the same on every
// run and resume), and says so in its Warning.
func (s *IDSet) unique(it *Item) {
	if s.has(it.ID) {
		given := it.ID
		id := given + "#" + DocID(it.Source)
		for k := 2; s.has(id); k++ {
			id = fmt.Sprintf("%s#%s-%d", given, DocID(it.Source), k)
		}
		it.ID = id
		it.Warning = fmt.Sprintf("duplicate id %q: an earlier document of this run has it; doc_id made unique", given)
	}
	s.Add(it.ID)
}
