package dat

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// The file stores one alphabet shared by all dictionaries and then each
// dictionary's trie and values. Everything is little-endian:
//
//	magic "ZHOCCDAT", u32 format version
//	u32 n, n × u32 runes: rune i has code i+1
//	u32 dictionary count, then per dictionary:
//	  u16 name length, name
//	  u32 slot count, slots as (i32 base, i32 check)
//	  u32 value count n, (n+1) × u32 offsets into the value text, the value text
const (
	magic   = "ZHOCCDAT"
	version = 1
)

// DictData is one dictionary to encode: Values[i] is the value of the key
// stored with value index i in Trie.
type DictData struct {
	Name   string
	Trie   *Trie
	Values []string
}

// Encode writes the file.
func Encode(alphabet []rune, dicts []DictData) []byte {
	b := []byte(magic)
	b = binary.LittleEndian.AppendUint32(b, version)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(alphabet)))
	for _, r := range alphabet {
		b = binary.LittleEndian.AppendUint32(b, uint32(r))
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(dicts)))
	for _, d := range dicts {
		b = binary.LittleEndian.AppendUint16(b, uint16(len(d.Name)))
		b = append(b, d.Name...)
		b = binary.LittleEndian.AppendUint32(b, uint32(len(d.Trie.Slots)))
		for _, s := range d.Trie.Slots {
			b = binary.LittleEndian.AppendUint32(b, uint32(s.Base))
			b = binary.LittleEndian.AppendUint32(b, uint32(s.Check))
		}
		b = binary.LittleEndian.AppendUint32(b, uint32(len(d.Values)))
		off := 0
		b = binary.LittleEndian.AppendUint32(b, 0)
		for _, v := range d.Values {
			off += len(v)
			b = binary.LittleEndian.AppendUint32(b, uint32(off))
		}
		for _, v := range d.Values {
			b = append(b, v...)
		}
	}
	return b
}

// File is a parsed index of an encoded file; dictionaries are decoded on
// demand by Dict.
type File struct {
	Alphabet []rune
	data     string
	sections map[string][2]int // name -> [start, end) of the dictionary's slots..values
	names    []string
}

// Dict is a decoded dictionary. Its value text aliases the file data.
type Dict struct {
	Trie
	off  []uint32
	text string
}

// Len returns the number of values (keys).
func (d *Dict) Len() int { return len(d.off) - 1 }

// Value returns value i.
func (d *Dict) Value(i int32) string { return d.text[d.off[i]:d.off[i+1]] }

type reader struct {
	data string
	pos  int
	err  error
}

func (r *reader) take(n int) string {
	if r.err != nil {
		return ""
	}
	if n < 0 || n > len(r.data)-r.pos {
		r.err = fmt.Errorf("dat: truncated at byte %d", r.pos)
		return ""
	}
	s := r.data[r.pos : r.pos+n]
	r.pos += n
	return s
}

func (r *reader) u32() uint32 {
	s := r.take(4)
	if r.err != nil {
		return 0
	}
	return le32(s)
}

func le32(s string) uint32 {
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func (r *reader) u16() uint16 {
	s := r.take(2)
	if r.err != nil {
		return 0
	}
	return uint16(s[0]) | uint16(s[1])<<8
}

// Parse reads the header and the position of every dictionary.
func Parse(data string) (*File, error) {
	r := &reader{data: data}
	if r.take(len(magic)) != magic {
		return nil, errors.New("dat: not a dictionary file")
	}
	if v := r.u32(); v != version {
		return nil, fmt.Errorf("dat: format version %d, want %d", v, version)
	}
	f := &File{data: data, sections: map[string][2]int{}}
	n := int(r.u32())
	if r.err == nil && n > (len(data)-r.pos)/4 {
		return nil, errors.New("dat: alphabet larger than the file")
	}
	f.Alphabet = make([]rune, n)
	for i := range f.Alphabet {
		f.Alphabet[i] = rune(r.u32())
	}
	nd := int(r.u32())
	for i := 0; i < nd && r.err == nil; i++ {
		name := r.take(int(r.u16()))
		start := r.pos
		r.take(8 * int(r.u32()))
		nv := int(r.u32())
		if r.err == nil && nv >= (len(data)-r.pos)/4 {
			return nil, fmt.Errorf("dat: %s: value table larger than the file", name)
		}
		offs := r.take(4 * (nv + 1))
		if r.err == nil {
			r.take(int(le32(offs[4*nv:])))
		}
		f.sections[name] = [2]int{start, r.pos}
		f.names = append(f.names, name)
	}
	if r.err != nil {
		return nil, r.err
	}
	if r.pos != len(data) {
		return nil, fmt.Errorf("dat: %d trailing bytes", len(data)-r.pos)
	}
	return f, nil
}

// Names lists the dictionaries in file order.
func (f *File) Names() []string { return f.names }

// Dict decodes the named dictionary.
func (f *File) Dict(name string) (*Dict, error) {
	sec, ok := f.sections[name]
	if !ok {
		return nil, fmt.Errorf("dat: no dictionary %q", name)
	}
	r := &reader{data: f.data[:sec[1]], pos: sec[0]}
	d := &Dict{}
	ns := int(r.u32())
	raw := r.take(8 * ns)
	if r.err != nil {
		return nil, r.err
	}
	d.Slots = make([]Slot, ns)
	for i := range d.Slots {
		p := raw[8*i : 8*i+8]
		d.Slots[i] = Slot{Base: int32(le32(p[:4])), Check: int32(le32(p[4:]))}
	}
	nv := int(r.u32())
	d.off = make([]uint32, nv+1)
	for i := range d.off {
		d.off[i] = r.u32()
	}
	if r.err != nil {
		return nil, r.err
	}
	d.text = r.take(int(d.off[nv]))
	if r.err != nil {
		return nil, r.err
	}
	for i := 1; i < len(d.off); i++ {
		if d.off[i] < d.off[i-1] {
			return nil, fmt.Errorf("dat: %s: value offsets out of order", name)
		}
	}
	if err := d.validate(nv); err != nil {
		return nil, fmt.Errorf("dat: %s: %w", name, err)
	}
	return d, nil
}

// validate makes sure a walk can never index out of range or return a value
// index without a value, so a corrupt file fails here, not mid-conversion.
func (d *Dict) validate(nv int) error {
	if len(d.Slots) == 0 {
		return errors.New("no root slot")
	}
	for i, s := range d.Slots {
		if s.Check < -1 || int(s.Check) >= len(d.Slots) {
			return fmt.Errorf("slot %d: bad check %d", i, s.Check)
		}
		if s.Base < 0 && int(-s.Base-1) >= nv {
			return fmt.Errorf("slot %d: value %d out of range", i, -s.Base-1)
		}
	}
	return nil
}
