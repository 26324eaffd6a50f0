// Command gen regenerates the OpenCC data the converter embeds: it reads the
// config JSON files of an installed OpenCC, dumps every dictionary they use
// with opencc_dict, builds a double-array trie per dictionary and writes
//
//	data/opencc.dat   the tries and values (see internal/dat)
//	configs_gen.go    the configs' segmentation dictionaries and chains
//	data/NOTICE, data/LICENSE  OpenCC's version and Apache-2.0 licence
//
// Run it with `go generate ./pipeline/opencc` on a machine with opencc
// installed (Debian: apt-get install opencc). Nothing else needs OpenCC.
package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/opencc/internal/dat"
)

// The configs OpenCC 1.1.6 ships, in the order Configs reports them.
var configNames = []string{"s2t", "t2s", "s2tw", "tw2s", "s2hk", "hk2s", "s2twp", "tw2sp", "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t"}

func main() {
	share := flag.String("share", "/usr/share/opencc", "directory with OpenCC's *.json configs and *.ocd2 dictionaries")
	tool := flag.String("opencc-dict", "opencc_dict", "opencc_dict binary")
	out := flag.String("out", ".", "package directory to write configs_gen.go and data/ into")
	license := flag.String("license", "/usr/share/common-licenses/Apache-2.0", "Apache-2.0 licence text to copy beside the data")
	version := flag.String("version", "", "OpenCC version to record (default: dpkg-query's version of libopencc-data)")
	flag.Parse()
	if err := run(*share, *tool, *out, *license, *version); err != nil {
		slog.Error("gen failed", "err", err)
		os.Exit(1)
	}
}

type dictSpec struct {
	Type  string     `json:"type"`
	File  string     `json:"file"`
	Dicts []dictSpec `json:"dicts"`
}

type configFile struct {
	Name         string `json:"name"`
	Segmentation struct {
		Type string   `json:"type"`
		Dict dictSpec `json:"dict"`
	} `json:"segmentation"`
	ConversionChain []struct {
		Dict dictSpec `json:"dict"`
	} `json:"conversion_chain"`
}

type config struct {
	name, title string
	seg         string
	chain       [][]string
}

// flatten lists a dictionary spec's ocd2 files in match order. A group
// answers with its first member that matches, so nested groups flatten
// without changing the result.
func flatten(d dictSpec) ([]string, error) {
	switch d.Type {
	case "ocd2":
		name, ok := strings.CutSuffix(d.File, ".ocd2")
		if !ok || name == "" || strings.ContainsAny(name, "/\\") {
			return nil, fmt.Errorf("unexpected dictionary file %q", d.File)
		}
		return []string{name}, nil
	case "group":
		var all []string
		for _, m := range d.Dicts {
			names, err := flatten(m)
			if err != nil {
				return nil, err
			}
			all = append(all, names...)
		}
		if len(all) == 0 {
			return nil, errors.New("empty dictionary group")
		}
		return all, nil
	}
	return nil, fmt.Errorf("unsupported dictionary type %q", d.Type)
}

func readConfig(share, name string) (config, error) {
	raw, err := os.ReadFile(filepath.Join(share, name+".json"))
	if err != nil {
		return config{}, err
	}
	var cf configFile
	if err := json.Unmarshal(raw, &cf); err != nil {
		return config{}, fmt.Errorf("%s.json: %w", name, err)
	}
	if cf.Segmentation.Type != "mmseg" {
		return config{}, fmt.Errorf("%s.json: segmentation type %q, only mmseg is supported", name, cf.Segmentation.Type)
	}
	seg, err := flatten(cf.Segmentation.Dict)
	if err != nil {
		return config{}, fmt.Errorf("%s.json segmentation: %w", name, err)
	}
	if len(seg) != 1 {
		// A group as segmentation dictionary would need group matching in
		// the segmenter too; OpenCC 1.1.6 ships none.
		return config{}, fmt.Errorf("%s.json: segmentation by a dictionary group is not supported", name)
	}
	c := config{name: name, title: cf.Name, seg: seg[0]}
	for i, step := range cf.ConversionChain {
		names, err := flatten(step.Dict)
		if err != nil {
			return config{}, fmt.Errorf("%s.json conversion step %d: %w", name, i, err)
		}
		c.chain = append(c.chain, names)
	}
	if len(c.chain) == 0 {
		return config{}, fmt.Errorf("%s.json: empty conversion chain", name)
	}
	return c, nil
}

type entry struct{ key, value string }

// dump converts one .ocd2 to OpenCC's text format and parses it: one
// "key<TAB>value value ..." line per key; the first value is the one
// OpenCC's converter outputs.
func dump(tool, share, tmp, name string) ([]entry, error) {
	txt := filepath.Join(tmp, name+".txt")
	cmd := exec.Command(tool, "-i", filepath.Join(share, name+".ocd2"), "-o", txt, "-f", "ocd2", "-t", "text")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("%s: %w: %s", cmd, err, msg)
	}
	raw, err := os.ReadFile(txt)
	if err != nil {
		return nil, err
	}
	var es []entry
	for i, line := range strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n") {
		key, values, ok := strings.Cut(line, "\t")
		value, _, _ := strings.Cut(values, " ")
		if !ok || key == "" || value == "" || !utf8.ValidString(line) {
			return nil, fmt.Errorf("%s.txt:%d: malformed entry %q", name, i+1, line)
		}
		// ConvertStream splits input after newlines; that is only exact
		// while no key spans one.
		if strings.ContainsAny(key, "\r\n") {
			return nil, fmt.Errorf("%s.txt:%d: key holds a line break", name, i+1)
		}
		es = append(es, entry{key, value})
	}
	slices.SortFunc(es, func(a, b entry) int { return strings.Compare(a.key, b.key) })
	return es, nil
}

func run(share, tool, out, license, version string) error {
	if version == "" {
		v, err := exec.Command("dpkg-query", "-W", "-f", "${Version}", "libopencc-data").Output()
		if err != nil || len(v) == 0 {
			return fmt.Errorf("cannot tell the OpenCC version (pass -version): %v", err)
		}
		version = string(v)
	}
	var configs []config
	var dictNames []string
	for _, name := range configNames {
		c, err := readConfig(share, name)
		if err != nil {
			return err
		}
		configs = append(configs, c)
		dictNames = append(dictNames, c.seg)
		for _, step := range c.chain {
			dictNames = append(dictNames, step...)
		}
	}
	slices.Sort(dictNames)
	dictNames = slices.Compact(dictNames)

	tmp, err := os.MkdirTemp("", "opencc-gen")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	entries := map[string][]entry{}
	freq := map[rune]int{}
	for _, name := range dictNames {
		es, err := dump(tool, share, tmp, name)
		if err != nil {
			return err
		}
		entries[name] = es
		for _, e := range es {
			for _, r := range e.key {
				freq[r]++
			}
		}
	}

	// Frequent runes get small codes, which packs the tries tighter.
	alphabet := make([]rune, 0, len(freq))
	for r := range freq {
		alphabet = append(alphabet, r)
	}
	slices.SortFunc(alphabet, func(a, b rune) int {
		return cmp.Or(cmp.Compare(freq[b], freq[a]), cmp.Compare(a, b))
	})
	if len(alphabet) >= 1<<16 {
		return fmt.Errorf("%d distinct key runes do not fit 16-bit codes", len(alphabet))
	}
	code := map[rune]uint16{}
	for i, r := range alphabet {
		code[r] = uint16(i + 1)
	}

	var dicts []dat.DictData
	for _, name := range dictNames {
		es := entries[name]
		keys := make([][]uint16, len(es))
		values := make([]string, len(es))
		for i, e := range es {
			for _, r := range e.key {
				keys[i] = append(keys[i], code[r])
			}
			values[i] = e.value
		}
		t, err := dat.Build(keys)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := verify(t, keys); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		slog.Info("dictionary", "name", name, "keys", len(es), "slots", len(t.Slots))
		dicts = append(dicts, dat.DictData{Name: name, Trie: t, Values: values})
	}

	if err := os.MkdirAll(filepath.Join(out, "data"), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "data", "opencc.dat"), dat.Encode(alphabet, dicts), 0o644); err != nil {
		return err
	}
	src, err := goSource(version, configs)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "configs_gen.go"), src, 0o644); err != nil {
		return err
	}
	lic, err := os.ReadFile(license)
	if err != nil {
		return fmt.Errorf("licence text: %w", err)
	}
	if err := os.WriteFile(filepath.Join(out, "data", "LICENSE"), lic, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "data", "NOTICE"), []byte(notice(version, dictNames)), 0o644)
}

// verify walks every key and checks it finds its own value, and that no
// proper prefix claims a value it does not have.
func verify(t *dat.Trie, keys [][]uint16) error {
	for i, k := range keys {
		s := int32(0)
		for _, c := range k {
			if s = t.Child(s, c); s < 0 {
				return fmt.Errorf("key %d lost", i)
			}
		}
		if v := t.Value(s); v != int32(i) {
			return fmt.Errorf("key %d finds value %d", i, v)
		}
	}
	return nil
}

func goSource(version string, configs []config) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by internal/gen from OpenCC %s; DO NOT EDIT.\n\npackage opencc\n\n", version)
	fmt.Fprintf(&b, "// OpenCCVersion is the version of the OpenCC data (Debian package libopencc-data) the\n// embedded dictionaries and configs were generated from.\nconst OpenCCVersion = %q\n\n", version)
	b.WriteString("// configSpecs lists OpenCC's configs: the segmentation dictionary and, per\n// conversion step, the dictionaries tried in order.\nfunc configSpecs() []configSpec {\n\treturn []configSpec{\n")
	for _, c := range configs {
		fmt.Fprintf(&b, "\t\t{name: %q, title: %q, seg: %q, chain: [][]string{", c.name, c.title, c.seg)
		for _, step := range c.chain {
			fmt.Fprintf(&b, "{%s},", quoteAll(step))
		}
		b.WriteString("}},\n")
	}
	b.WriteString("\t}\n}\n")
	return format.Source(b.Bytes())
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

func notice(version string, dicts []string) string {
	return fmt.Sprintf(`opencc.dat holds the conversion dictionaries of OpenCC (Open Chinese Convert),
https://github.com/BYVoid/OpenCC, as shipped by Debian's libopencc-data %s:
%s.
They were dumped with opencc_dict and re-encoded as double-array tries by
pipeline/opencc/internal/gen; for each key only the first (default) value is kept.

OpenCC: Copyright 2010-2022 BYVoid <byvoid.kcp@gmail.com> and contributors.
Licensed under the Apache License, Version 2.0 (see LICENSE in this
directory); you may not use these files except in compliance with the License.
Distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND.
`, version, strings.Join(dicts, ", "))
}
