// Command gendict writes the small simplified-Chinese word list that the
// extractors embed for gse. gse's full simplified dictionary (350k entries)
// takes seconds to load; the extractors only need common function words and
// transport vocabulary to find the edges of subjects around a figure.
//
// Usage (from extractors/): go run ./internal/gendict -out dict
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// domain morphemes: rarer words holding these are kept too
var domain = []string{"公路", "道路", "高速", "铁路", "高铁", "国道", "省道", "县道", "乡道", "村道", "路段",
	"工程", "项目", "资金", "投资", "补助", "补贴", "奖补", "材料", "时限", "航道", "港", "码头", "桥",
	"隧道", "枢纽", "立交", "互通", "机场", "站", "线", "船", "段", "养护", "改造", "新建", "改建", "整治"}

func main() {
	out := flag.String("out", "dict", "output directory")
	minFreq := flag.Float64("min-freq", 200, "keep words at least this frequent")
	minDomainFreq := flag.Float64("min-domain-freq", 3, "keep transport words at least this frequent")
	flag.Parse()
	if err := run(*out, *minFreq, *minDomainFreq); err != nil {
		slog.Error("gendict", "err", err)
		os.Exit(1)
	}
}

func run(out string, minFreq, minDomainFreq float64) error {
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
	if err != nil {
		return fmt.Errorf("locating gse: %w", err)
	}
	gse := strings.TrimSpace(string(dir))
	src := filepath.Join(gse, "data", "dict", "zh", "s_1.txt")
	f, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("opening gse dictionary: %w", err)
	}
	defer f.Close()

	var b strings.Builder
	kept, seen := 0, map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		word := fields[0]
		freq, err := strconv.ParseFloat(fields[1], 64)
		if err != nil || seen[word] || !allHan(word) {
			continue
		}
		keep := utf8.RuneCountInString(word) == 1 || freq >= minFreq
		if !keep && freq >= minDomainFreq {
			for _, d := range domain {
				if strings.Contains(word, d) {
					keep = true
					break
				}
			}
		}
		if !keep {
			continue
		}
		seen[word] = true
		pos := ""
		if len(fields) > 2 {
			pos = fields[2]
		}
		fmt.Fprintf(&b, "%s %s %s\n", word, fields[1], pos)
		kept++
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", src, err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", out, err)
	}
	if err := os.WriteFile(filepath.Join(out, "zh_s_small.txt"), []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("writing word list: %w", err)
	}
	lic, err := os.ReadFile(filepath.Join(gse, "LICENSE"))
	if err != nil {
		return fmt.Errorf("reading gse licence: %w", err)
	}
	if err := os.WriteFile(filepath.Join(out, "LICENSE-gse"), lic, 0o644); err != nil {
		return fmt.Errorf("writing gse licence: %w", err)
	}
	slog.Info("gendict", "source", src, "kept", kept)
	return nil
}

func allHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}
