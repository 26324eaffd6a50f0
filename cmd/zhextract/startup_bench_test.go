package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkStartup execs the built binary: `zhextract run` on one small
// file, once for a text with no figure (the word segmenter is never
// needed) and once for a 9 KB seed with figures. ns/op is the whole
// process's wall time, startup included (issue 20: under 100 ms and 250 ms).
// Peer in the same run: the opencc CLI on the same seed, when installed.
func BenchmarkStartup(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "zhextract")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	plain := filepath.Join(dir, "plain.txt")
	if err := os.WriteFile(plain, []byte("深入学习贯彻党的精神，推动交通运输高质量发展。\n\n坚持人民至上，服务群众出行。\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	seed := filepath.Join("..", "..", "testdata", "seeds", "000_57ee527ed9377c6b.txt")
	cases := []struct {
		name string
		args []string
	}{
		{"run-no-figures", []string{bin, "run", "--out", filepath.Join(dir, "out1"), "--format", "jsonl", plain}},
		{"run-seed-9KB", []string{bin, "run", "--out", filepath.Join(dir, "out2"), "--format", "jsonl", seed}},
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
