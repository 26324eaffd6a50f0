package mojibake

// Python's and glibc's GB18030 readers (the 2000 mapping) give private-use
// characters for 174 two-byte codes that x/text's GB18030 (the 2005
// mapping) reads as other characters or not at all: A6EC is U+E794 to
// them. A page they read out of step holds these characters, and only
// their two-byte codes put the bytes back. Generated from python3's
// gb18030 codec (data, not code: each run is a code, its character and
// how many follow in step).
var gbPrivateUse = [...]struct {
	code uint16
	r    rune
	n    uint16
}{
	{0xa2ab, 0xe766, 6},
	{0xa2e4, 0xe76d, 1},
	{0xa2ef, 0xe76e, 2},
	{0xa2fd, 0xe770, 2},
	{0xa4f4, 0xe772, 11},
	{0xa5f7, 0xe77d, 8},
	{0xa6b9, 0xe785, 8},
	{0xa6d9, 0xe78d, 7},
	{0xa6ec, 0xe794, 2},
	{0xa6f3, 0xe796, 1},
	{0xa6f6, 0xe797, 9},
	{0xa7c2, 0xe7a0, 15},
	{0xa7f2, 0xe7af, 13},
	{0xa896, 0xe7bc, 11},
	{0xa8bc, 0xe7c7, 1},
	{0xa8c1, 0xe7c9, 4},
	{0xa8ea, 0xe7cd, 21},
	{0xa958, 0xe7e2, 1},
	{0xa95b, 0xe7e3, 1},
	{0xa95d, 0xe7e4, 3},
	{0xa997, 0xe7f4, 13},
	{0xa9f0, 0xe801, 15},
	{0xd7fa, 0xe810, 5},
	{0xfe51, 0xe816, 3},
	{0xfe59, 0xe81e, 1},
	{0xfe61, 0xe826, 1},
	{0xfe66, 0xe82b, 2},
	{0xfe6c, 0xe831, 2},
	{0xfe76, 0xe83b, 1},
	{0xfe7e, 0xe843, 1},
	{0xfe90, 0xe854, 2},
	{0xfea0, 0xe864, 1},
}

// encodeGBPrivateUse appends the two-byte code Python's reader gives r,
// if it is one of gbPrivateUse.
func encodeGBPrivateUse(dst []byte, r rune) ([]byte, bool) {
	if r < 0xe766 || r > 0xe864 {
		return dst, false
	}
	for _, x := range gbPrivateUse {
		if r >= x.r && r < x.r+rune(x.n) {
			c := x.code + uint16(r-x.r)
			return append(dst, byte(c>>8), byte(c)), true
		}
	}
	return dst, false
}
