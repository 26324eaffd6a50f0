package mojibake

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// This file builds the clean text the tests check for false repairs and
// corrupt. Nothing of it is committed: it comes from the seeds, from the
// gse dictionaries in the module cache, and from Debian packages' Chinese
// documentation when installed (manpages-zh, debian-reference-zh-cn,
// debian-reference-zh-tw, fortunes-zh).

// cleanDoc is one clean document.
type cleanDoc struct {
	name string
	text string
}

var noDebian = flag.Bool("nodebian", false, "ignore installed Debian documentation (as on a machine without it)")

var (
	tagRE    = regexp.MustCompile(`<[^>]*>`)
	entityRE = regexp.MustCompile(`&[a-zA-Z#0-9]+;`)
	ansiRE   = regexp.MustCompile("\x1b\\[[0-9;]*m")
)

// seedClean returns the seeds' lines that hold no known mojibake, one
// document per seed.
func seedClean(tb interface{ Fatal(...any) }) []cleanDoc {
	files, err := filepath.Glob("../../testdata/seeds/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatal("no seeds", err)
	}
	cases := seedCases(tb)
	var docs []cleanDoc
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var keep []string
	lines:
		for _, line := range strings.Split(string(data), "\n") {
			for _, c := range cases {
				if strings.Contains(line, c.found) {
					continue lines
				}
			}
			keep = append(keep, line)
		}
		docs = append(docs, cleanDoc{name: filepath.Base(f), text: strings.Join(keep, "\n")})
	}
	return docs
}

// debianDocs reads the Chinese documentation of the Debian packages named
// above, when present, up to limit bytes.
func debianDocs(limit int) []cleanDoc {
	if *noDebian {
		return nil
	}
	var docs []cleanDoc
	total := 0
	add := func(name, text string) {
		if total >= limit || !utf8.ValidString(text) {
			return
		}
		total += len(text)
		docs = append(docs, cleanDoc{name: name, text: text})
	}
	for _, pat := range []string{"/usr/share/debian-reference/*.zh-cn.html", "/usr/share/debian-reference/*.zh-tw.html"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err == nil {
				text := entityRE.ReplaceAllString(tagRE.ReplaceAllString(string(data), ""), " ")
				add(f, text)
			}
		}
	}
	for _, f := range []string{"/usr/share/games/fortunes/tang300", "/usr/share/games/fortunes/song100", "/usr/share/games/fortunes/chinese"} {
		if data, err := os.ReadFile(f); err == nil {
			add(f, ansiRE.ReplaceAllString(string(data), ""))
		}
	}
	for _, dir := range []string{"/usr/share/man/zh_CN", "/usr/share/man/zh_TW"} {
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			// iptables.8 in manpages-zh holds real GB2312 frame-shift
			// mojibake: it is a repair case, not clean text.
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".gz") || strings.Contains(path, "iptables.8") {
				return nil
			}
			f, err := os.Open(path)
			if err != nil {
				return nil
			}
			defer f.Close()
			zr, err := gzip.NewReader(f)
			if err != nil {
				return nil
			}
			data, err := io.ReadAll(zr)
			if err == nil {
				add(path, string(data))
			}
			return nil
		})
	}
	for _, dir := range []string{"/usr/share/locale/zh_CN/LC_MESSAGES", "/usr/share/locale/zh_TW/LC_MESSAGES"} {
		files, _ := filepath.Glob(dir + "/*.mo")
		for _, f := range files {
			if data, err := os.ReadFile(f); err == nil {
				add(f, moStrings(data))
			}
		}
	}
	return docs
}

// moStrings returns the translations in a gettext .mo file, one a line.
func moStrings(data []byte) string {
	if len(data) < 28 {
		return ""
	}
	var bo binary.ByteOrder = binary.LittleEndian
	if bo.Uint32(data) != 0x950412de {
		bo = binary.BigEndian
	}
	n := int(bo.Uint32(data[8:]))
	tt := int(bo.Uint32(data[16:]))
	var out []string
	for i := 0; i < n; i++ {
		o := tt + 8*i
		if o+8 > len(data) {
			break
		}
		l, off := int(bo.Uint32(data[o:])), int(bo.Uint32(data[o+4:]))
		if off+l > len(data) || off < 0 || l < 0 {
			break
		}
		out = append(out, strings.ReplaceAll(string(data[off:off+l]), "\x00", "\n"))
	}
	return strings.Join(out, "\n")
}

// dictDocs composes lines from gse's dictionary words: every word of the
// simplified and traditional dictionaries, in file order, 12 to a line.
// They carry the rare characters a real text may hold.
func dictDocs(tb interface{ Fatal(...any) }) []cleanDoc {
	dir := gseDir(tb)
	var docs []cleanDoc
	for _, f := range []string{"s_1.txt", "t_1.txt"} {
		data, err := os.ReadFile(filepath.Join(dir, "data", "dict", "zh", f))
		if err != nil {
			tb.Fatal(err)
		}
		var b strings.Builder
		sc := bufio.NewScanner(bytes.NewReader(data))
		n := 0
		for sc.Scan() {
			w, _, _ := strings.Cut(sc.Text(), " ")
			b.WriteString(w)
			n++
			if n%12 == 0 {
				b.WriteString("。\n")
			} else if n%4 == 0 {
				b.WriteString("，")
			}
		}
		docs = append(docs, cleanDoc{name: "gse " + f, text: b.String()})
	}
	return docs
}

func gseDir(tb interface{ Fatal(...any) }) string {
	gomod := os.Getenv("GOMODCACHE")
	if gomod == "" {
		home, _ := os.UserHomeDir()
		gomod = filepath.Join(home, "go", "pkg", "mod")
		if gp := os.Getenv("GOPATH"); gp != "" {
			gomod = filepath.Join(strings.Split(gp, string(os.PathListSeparator))[0], "pkg", "mod")
		}
	}
	dir := filepath.Join(gomod, "github.com", "go-ego", "gse@v0.80.3")
	if _, err := os.Stat(dir); err != nil {
		tb.Fatal("gse module not in the module cache: ", err)
	}
	return dir
}

// corruption garbles text the way one mechanism does. ok is false when the
// text cannot go through it (not encodable in the source code).
type corruption struct {
	name    string
	corrupt func(s string) (string, bool)
}

func encodeAll(e encoding.Encoding, s string) ([]byte, bool) {
	b, err := e.NewEncoder().Bytes([]byte(s))
	return b, err == nil
}

func decodeAll(e encoding.Encoding, b []byte) string {
	out, _ := e.NewDecoder().Bytes(b)
	return string(out)
}

func cp1252String(b []byte) string {
	t := cp1252Table()
	var sb strings.Builder
	for _, c := range b {
		sb.WriteRune(t[c])
	}
	return sb.String()
}

var (
	gbk  = simplifiedchinese.GB18030
	big5 = traditionalchinese.Big5
)

func corruptions() []corruption {
	return []corruption{
		{"utf-8 read as gbk", func(s string) (string, bool) { return decodeAll(gbk, []byte(s)), true }},
		{"utf-8 read as cp1252", func(s string) (string, bool) { return cp1252String([]byte(s)), true }},
		{"double-encoded utf-8", func(s string) (string, bool) { return cp1252String([]byte(cp1252String([]byte(s)))), true }},
		{"gbk read as cp1252", func(s string) (string, bool) {
			b, ok := encodeAll(gbk, s)
			return cp1252String(b), ok
		}},
		{"big5 read as gbk", func(s string) (string, bool) {
			b, ok := encodeAll(big5, s)
			return decodeAll(gbk, b), ok
		}},
		{"gbk read as big5", func(s string) (string, bool) {
			b, ok := encodeAll(gbk, s)
			return decodeAll(big5, b), ok
		}},
		{"gb18030 frame shift", frameShift},
	}
}

// frameShift puts a stray byte (the remnant of a lost character) before one
// Han character of the line, both drawn by a generator seeded from the line,
// so the benchmark is the same on every run but no rule can lean on one byte
// value or on the start of a line.
func frameShift(s string) (string, bool) {
	var at []int
	for i, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			at = append(at, i)
		}
	}
	if len(at) == 0 {
		return s, false
	}
	h := fnv.New64a()
	h.Write([]byte(s))
	rng := rand.New(rand.NewPCG(h.Sum64(), 0x6d6f6a6962616b65))
	i := at[rng.IntN(len(at))]
	stray := byte(0x81 + rng.IntN(0xfe-0x81+1))
	head, ok1 := encodeAll(gbk, s[:i])
	tail, ok2 := encodeAll(gbk, s[i:])
	b := append(append(head, stray), tail...)
	return decodeAll(gbk, b), ok1 && ok2
}
