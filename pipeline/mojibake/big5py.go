package mojibake

import "sort"

// Python's Big5 reader gives some two-byte codes other characters than
// x/text's (WHATWG's) Big5 does: C6AA is う to Python and ⑩ to x/text, and
// A1B2 is 〃 to Python, which x/text writes C6DE. A page Python read out of
// step holds Python's characters, and only Python's codes put its bytes
// back: big5PythonPairs (big5py_gen.go, generated from the pinned model of
// Python's reader in the tests) lists every code whose character x/text
// writes otherwise or not at all, sorted by character.

// encodeBig5Python appends the code Python's reader gives r, if r is one
// of big5PythonPairs.
func encodeBig5Python(dst []byte, r rune) ([]byte, bool) {
	i := sort.Search(len(big5PythonPairs), func(i int) bool { return big5PythonPairs[i].r >= r })
	if i == len(big5PythonPairs) || big5PythonPairs[i].r != r {
		return dst, false
	}
	c := big5PythonPairs[i].code
	return append(dst, byte(c>>8), byte(c)), true
}

// big5ShiftCodec is Big5 for the frame shift: characters as Python's
// reader gives them are written back with its codes, and bytes are read
// as Big5 files are written (x/text).
func big5ShiftCodec() *codec {
	c := *big5Codec()
	plain := c.encode
	// listed marks the characters of the Basic Multilingual Plane that
	// big5PythonPairs holds: the others (nearly all) skip its binary
	// search, which was a tenth of the gate on clean reports.
	listed := new([0x10000 / 64]uint64)
	for _, p := range big5PythonPairs {
		if p.r < 0x10000 {
			listed[p.r/64] |= 1 << (p.r % 64)
		}
	}
	c.encode = func(dst []byte, r rune) ([]byte, bool) {
		if r < 0 || r >= 0x10000 || listed[r/64]&(1<<(r%64)) != 0 {
			if b, ok := encodeBig5Python(dst, r); ok {
				return b, true
			}
		}
		return plain(dst, r)
	}
	return &c
}
