package htmltext

import (
	"math/rand/v2"
	"testing"
)

// firstRef is head.first as it was: a map look-up per key, in order.
func firstRef(h head, keys []string) string {
	for _, k := range keys {
		if v := h.meta[k]; v != "" {
			return v
		}
	}
	return ""
}

// TestHeadFirst holds head.first, which walks a small head's keys
// instead of looking up every key of the list, to firstRef on heads made
// of random keys of every list (some with empty values, some not in any
// list), small and large.
func TestHeadFirst(t *testing.T) {
	lists := [][]string{titleKeys, siteKeys, authorKeys, sourceKeys, publishedKeys, urlKeys}
	var pool []string
	for _, l := range lists {
		pool = append(pool, l...)
	}
	pool = append(pool, "description", "keywords", "canonical", "viewport")
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 5000 {
		h := head{meta: map[string]string{}}
		for range rng.IntN(30) {
			k := pool[rng.IntN(len(pool))]
			v := k + "-value"
			if rng.IntN(5) == 0 {
				v = ""
			}
			h.meta[k] = v
		}
		for _, keys := range lists {
			if got, want := h.first(keys), firstRef(h, keys); got != want {
				t.Fatalf("trial %d: first(%v) of %v = %q, want %q", trial, keys, h.meta, got, want)
			}
		}
	}
}
