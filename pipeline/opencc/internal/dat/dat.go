// Package dat holds the double-array tries the OpenCC converter matches
// with, and the binary file that stores them. The generator builds the tries
// once from OpenCC's dictionaries; the converter only decodes and walks them,
// so loading costs a copy of a few arrays instead of building a trie.
package dat

import (
	"errors"
	"fmt"
	"slices"
)

// Slot is one cell of a double-array trie. For a node at slot s, the child
// reached by code c sits at slot Base+c and has Check == s. Code 0 is the
// end-of-key mark: the slot it leads to has Base = -(value index + 1).
// Unused slots have Check == -1, so no walk can land on them.
type Slot struct {
	Base  int32
	Check int32
}

// Trie is a built double-array trie. Slot 0 is the root.
type Trie struct {
	Slots []Slot
}

// Child returns the slot reached from node s by code c (c >= 1), or -1.
func (t *Trie) Child(s int32, c uint16) int32 {
	n := t.Slots[s].Base + int32(c)
	if uint32(n) < uint32(len(t.Slots)) && t.Slots[n].Check == s {
		return n
	}
	return -1
}

// Value returns the value index stored at node s, or -1 when no key ends
// there.
func (t *Trie) Value(s int32) int32 {
	n := t.Slots[s].Base
	if uint32(n) < uint32(len(t.Slots)) && t.Slots[n].Check == s && t.Slots[n].Base < 0 {
		return -t.Slots[n].Base - 1
	}
	return -1
}

// Build returns a trie mapping keys[i] to value index i. Keys are sequences
// of codes >= 1 and must be non-empty and distinct.
func Build(keys [][]uint16) (*Trie, error) {
	type node struct {
		children map[uint16]int // code -> node index
		value    int            // -1 if no key ends here
	}
	nodes := []node{{children: map[uint16]int{}, value: -1}}
	for i, k := range keys {
		if len(k) == 0 {
			return nil, fmt.Errorf("dat: key %d is empty", i)
		}
		n := 0
		for _, c := range k {
			if c == 0 {
				return nil, fmt.Errorf("dat: key %d holds code 0", i)
			}
			next, ok := nodes[n].children[c]
			if !ok {
				next = len(nodes)
				nodes = append(nodes, node{children: map[uint16]int{}, value: -1})
				nodes[n].children[c] = next
			}
			n = next
		}
		if nodes[n].value >= 0 {
			return nil, fmt.Errorf("dat: key %d repeats key %d", i, nodes[n].value)
		}
		nodes[n].value = i
	}

	p := newPlacer(len(nodes) * 2)
	p.use(0)
	p.slots[0].Check = -1
	slotOf := make([]int32, len(nodes))
	queue := []int{0}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		codes := make([]uint16, 0, len(nodes[n].children)+1)
		if nodes[n].value >= 0 {
			codes = append(codes, 0)
		}
		for c := range nodes[n].children {
			codes = append(codes, c)
		}
		if len(codes) == 0 {
			return nil, errors.New("dat: internal error: node without key or children")
		}
		slices.Sort(codes)
		base := p.findBase(codes)
		s := slotOf[n]
		p.slots[s].Base = base
		for _, c := range codes {
			t := base + int32(c)
			p.use(t)
			p.slots[t].Check = s
			if c == 0 {
				p.slots[t].Base = -int32(nodes[n].value) - 1
				continue
			}
			child := nodes[n].children[c]
			slotOf[child] = t
			queue = append(queue, child)
		}
	}
	last := len(p.slots)
	for last > 0 && !p.used[last-1] {
		last--
	}
	return &Trie{Slots: p.slots[:last:last]}, nil
}

// placer hands out free slots. next is a union-find over slot indexes: the
// root of i is the first free slot at or after i, so searches skip full
// regions in near constant time.
type placer struct {
	slots []Slot
	used  []bool
	next  []int32
}

func newPlacer(n int) *placer {
	p := &placer{}
	p.grow(n)
	return p
}

func (p *placer) grow(n int) {
	for len(p.slots) < n {
		i := int32(len(p.slots))
		p.slots = append(p.slots, Slot{Check: -1})
		p.used = append(p.used, false)
		p.next = append(p.next, i)
	}
}

func (p *placer) use(i int32) {
	p.grow(int(i) + 2)
	p.used[i] = true
	p.next[i] = i + 1
}

// free returns the first free slot at or after i.
func (p *placer) free(i int32) int32 {
	p.grow(int(i) + 2)
	r := i
	for p.next[r] != r {
		r = p.next[r]
		p.grow(int(r) + 2)
	}
	for p.next[i] != r { // path compression
		i, p.next[i] = p.next[i], r
	}
	return r
}

// findBase returns the smallest base >= 1 whose slots base+c are all free.
func (p *placer) findBase(codes []uint16) int32 {
	c0 := int32(codes[0])
	pos := p.free(c0 + 1)
	for {
		base := pos - c0
		p.grow(int(base) + int(codes[len(codes)-1]) + 2)
		ok := true
		for _, c := range codes[1:] {
			if p.used[base+int32(c)] {
				ok = false
				break
			}
		}
		if ok {
			return base
		}
		pos = p.free(pos + 1)
	}
}
