package langmodel

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
)

//go:embed scripts.bin
var scriptsData []byte

// Scripts of Han characters, from the same dictionaries (see NOTICE): a
// character is of one script only when the other script's dictionary
// (almost) never writes it.
const (
	BothScripts     = 0
	TraditionalOnly = 1
	SimplifiedOnly  = 2
)

// scriptTable maps a character to TraditionalOnly or SimplifiedOnly;
// characters it lacks are BothScripts (or unknown).
var scriptTable = sync.OnceValue(func() map[rune]byte {
	t, err := parseScripts(scriptsData)
	if err != nil {
		panic(fmt.Errorf("langmodel: embedded script table: %w", err))
	}
	return t
})

// ScriptOf returns the script r belongs to alone, or BothScripts.
func ScriptOf(r rune) int { return int(scriptTable()[r]) }

// parseScripts reads the format written by internal/gen (encodeScripts).
func parseScripts(data []byte) (map[rune]byte, error) {
	const magic = "ZHSC1\n"
	if len(data) < len(magic)+4 || string(data[:len(magic)]) != magic {
		return nil, errors.New("bad magic")
	}
	p := len(magic)
	n := int(binary.LittleEndian.Uint32(data[p:]))
	p += 4
	if len(data)-p != 5*n {
		return nil, fmt.Errorf("%d bytes for %d characters", len(data)-p, n)
	}
	t := make(map[rune]byte, n)
	for i := range n {
		r := rune(binary.LittleEndian.Uint32(data[p+5*i:]))
		s := data[p+5*i+4]
		if s != TraditionalOnly && s != SimplifiedOnly {
			return nil, fmt.Errorf("%U: script %d", r, s)
		}
		t[r] = s
	}
	return t, nil
}
