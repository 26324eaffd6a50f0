package results

import (
	"errors"
	"fmt"
)

// checkThriftStruct walks one Thrift compact-protocol struct (a Parquet
// footer's FileMetaData) without building it, and fails when a declared
// string or container length exceeds the bytes that remain. parquet-go's
// decoder allocates whatever length a file declares before reading, so a
// 50-byte forged footer could otherwise cost gigabytes; checking here first
// turns that into an error. It returns the number of bytes the struct took.
func checkThriftStruct(b []byte) (int, error) {
	c := thriftCheck{b: b}
	if err := c.structure(0); err != nil {
		return c.pos, fmt.Errorf("corrupt parquet footer at byte %d: %w", c.pos, err)
	}
	return c.pos, nil
}

type thriftCheck struct {
	b   []byte
	pos int
}

const thriftMaxDepth = 64

var errShort = errors.New("truncated")

func (c *thriftCheck) byte1() (byte, error) {
	if c.pos >= len(c.b) {
		return 0, errShort
	}
	v := c.b[c.pos]
	c.pos++
	return v, nil
}

func (c *thriftCheck) varint() (uint64, error) {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		x, err := c.byte1()
		if err != nil {
			return 0, err
		}
		v |= uint64(x&0x7f) << shift
		if x < 0x80 {
			return v, nil
		}
	}
	return 0, errors.New("varint too long")
}

func (c *thriftCheck) skip(n uint64) error {
	if n > uint64(len(c.b)-c.pos) {
		return fmt.Errorf("declared length %d exceeds the %d bytes left", n, len(c.b)-c.pos)
	}
	c.pos += int(n)
	return nil
}

func (c *thriftCheck) structure(depth int) error {
	if depth > thriftMaxDepth {
		return errors.New("nesting too deep")
	}
	for {
		h, err := c.byte1()
		if err != nil {
			return err
		}
		if h == 0 { // stop
			return nil
		}
		if h>>4 == 0 { // long form: the field id follows as a varint
			if _, err := c.varint(); err != nil {
				return err
			}
		}
		typ := h & 0x0f
		if typ == 1 || typ == 2 { // booleans live in the field header
			continue
		}
		if err := c.value(typ, depth); err != nil {
			return err
		}
	}
}

func (c *thriftCheck) value(typ byte, depth int) error {
	switch typ {
	case 1, 2, 3: // a bool inside a container, or a byte
		return c.skip(1)
	case 4, 5, 6:
		_, err := c.varint()
		return err
	case 7:
		return c.skip(8)
	case 8:
		n, err := c.varint()
		if err != nil {
			return err
		}
		return c.skip(n)
	case 9, 10:
		h, err := c.byte1()
		if err != nil {
			return err
		}
		n := uint64(h >> 4)
		if n == 15 {
			if n, err = c.varint(); err != nil {
				return err
			}
		}
		// Every element takes at least one byte.
		if n > uint64(len(c.b)-c.pos) {
			return fmt.Errorf("list of %d elements in %d bytes", n, len(c.b)-c.pos)
		}
		for i := uint64(0); i < n; i++ {
			if err := c.value(h&0x0f, depth+1); err != nil {
				return err
			}
		}
		return nil
	case 11:
		n, err := c.varint()
		if err != nil || n == 0 {
			return err
		}
		kv, err := c.byte1()
		if err != nil {
			return err
		}
		if n > uint64(len(c.b)-c.pos)/2 {
			return fmt.Errorf("map of %d entries in %d bytes", n, len(c.b)-c.pos)
		}
		for i := uint64(0); i < n; i++ {
			if err := c.value(kv>>4, depth+1); err != nil {
				return err
			}
			if err := c.value(kv&0x0f, depth+1); err != nil {
				return err
			}
		}
		return nil
	case 12:
		return c.structure(depth + 1)
	default:
		return fmt.Errorf("unknown thrift type %d", typ)
	}
}
