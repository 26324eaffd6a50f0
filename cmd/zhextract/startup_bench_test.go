package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkStartup execs the built binary: `zhextract --version` (the
// process alone); `zhextract run` on a 1 KB text with no figure (the word
// segmenter is never needed), on a 9 KB seed with figures (it is), and on
// an 8 KB seed whose rare characters the mojibake detector flags (the
// language model and the codec tables load too); and `zhextract convert`
// on the 9 KB seed. ns/op is the whole process's wall time, startup
// included (issue 20: under 100 ms without the segmenter, 250 ms with it).
// The runs write JSONL, and once Parquet (the default), whose three
// writers cost a few milliseconds more to open and close.
// Peer in the same run: the opencc CLI on the same seed, when installed.
func BenchmarkStartup(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "zhextract")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	plain := filepath.Join(dir, "plain.txt")
	para := "深入学习贯彻党的精神，推动交通运输高质量发展。坚持人民至上，服务群众出行，改善营商环境。\n\n"
	if err := os.WriteFile(plain, []byte(strings.Repeat(para, 1024/len(para)+1)), 0o644); err != nil {
		b.Fatal(err)
	}
	seed := filepath.Join("..", "..", "testdata", "seeds", "000_57ee527ed9377c6b.txt")
	spots := filepath.Join("..", "..", "testdata", "seeds", "002_bd1b06f2a63dcd9f.txt")
	cases := []struct {
		name string
		args []string
	}{
		{"version", []string{bin, "--version"}},
		{"run-no-figures-1KB", []string{bin, "run", "--out", filepath.Join(dir, "out1"), "--force", "--format", "jsonl", plain}},
		{"run-seed-9KB", []string{bin, "run", "--out", filepath.Join(dir, "out2"), "--force", "--format", "jsonl", seed}},
		{"run-seed-9KB-parquet", []string{bin, "run", "--out", filepath.Join(dir, "out4"), "--force", seed}},
		{"run-seed-spots-8KB", []string{bin, "run", "--out", filepath.Join(dir, "out3"), "--force", "--format", "jsonl", spots}},
		{"convert-seed-9KB", []string{bin, "convert", "-c", "t2s", "-i", seed, "-o", filepath.Join(dir, "conv.txt")}},
	}
	if occ, err := exec.LookPath("opencc"); err == nil {
		cases = append(cases, struct {
			name string
			args []string
		}{"opencc-cli-seed-9KB", []string{occ, "-c", "t2s", "-i", seed, "-o", os.DevNull}})
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if out, err := exec.Command(tc.args[0], tc.args[1:]...).CombinedOutput(); err != nil {
					b.Fatalf("%v: %v\n%s", tc.args, err, out)
				}
			}
		})
	}
}
