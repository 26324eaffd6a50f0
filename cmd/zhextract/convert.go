package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/zhextract/zhextract/pipeline/opencc"
)

// cmdConvert is `zhextract convert -c CONFIG [-i IN] [-o OUT]`: the opencc
// CLI's conversion with the embedded OpenCC dictionaries. It reads stdin
// and writes stdout by default; -o replaces OUT atomically, so IN and OUT
// may be the same file and a failed run leaves OUT as it was.
func cmdConvert(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("convert", flag.ContinueOnError)
	flags.SetOutput(stderr)
	var config, in, out string
	flags.StringVar(&config, "c", "", "OpenCC `CONFIG`: "+strings.Join(opencc.Configs(), ", ")+` ("t2s.json" works too)`)
	flags.StringVar(&config, "config", "", "same as -c")
	flags.StringVar(&in, "i", "", "read `IN` instead of stdin")
	flags.StringVar(&in, "input", "", "same as -i")
	flags.StringVar(&out, "o", "", "write `OUT` instead of stdout")
	flags.StringVar(&out, "output", "", "same as -o")
	flags.Usage = func() {
		fmt.Fprintf(stderr, "Usage: zhextract convert -c CONFIG [-i IN] [-o OUT]\n\nConverts Chinese text like `opencc -c CONFIG` (OpenCC %s dictionaries, built in).\nInvalid UTF-8 bytes are copied through unchanged.\n\n", opencc.OpenCCVersion)
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return errUsage
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "zhextract convert: unexpected argument %q (use -i IN)\n", flags.Arg(0))
		return errUsage
	}
	if config == "" {
		fmt.Fprintf(stderr, "zhextract convert: -c CONFIG is required (one of %s)\n", strings.Join(opencc.Configs(), ", "))
		return errUsage
	}
	conv, err := opencc.New(config)
	if err != nil {
		fmt.Fprintf(stderr, "zhextract convert: %v\n", err)
		return errUsage
	}

	r := stdin
	if in != "" && in != "-" {
		f, err := os.Open(in)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	if out == "" || out == "-" {
		return conv.ConvertStream(ctx, stdout, r)
	}
	return writeAtomic(out, func(w io.Writer) error { return conv.ConvertStream(ctx, w, r) })
}

// writeAtomic writes path through a temporary file in the same directory
// and renames it into place only when write succeeded. An existing file
// keeps its permissions.
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		if !st.Mode().IsRegular() {
			return fmt.Errorf("%s: not a regular file", path)
		}
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", tmp.Name(), err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replace %s: %w", path, err)
	}
	return nil
}
