package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/zhextract/zhextract/pipeline/opencc"
)

// newConvertCmd is `zhextract convert -c CONFIG [-i IN] [-o OUT]`: the
// opencc CLI's conversion with the embedded OpenCC dictionaries. It reads
// stdin and writes stdout by default; -o replaces OUT atomically, so IN and
// OUT may be the same file and a failed run leaves OUT as it was.
func newConvertCmd() *cobra.Command {
	var config, in, out string
	cmd := &cobra.Command{
		Use:   "convert -c CONFIG [-i IN] [-o OUT]",
		Short: "Convert Chinese text between scripts like the opencc CLI",
		Long: fmt.Sprintf("Converts Chinese text like `opencc -c CONFIG` (OpenCC %s dictionaries, built in).\n"+
			"Invalid UTF-8 bytes are copied through unchanged.", opencc.OpenCCVersion),
		Example: "  zhextract convert -c t2s -i traditional.txt -o simplified.txt\n  echo 漢字 | zhextract convert -c t2s",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return fmt.Errorf("unexpected argument %q (use -i IN)", args[0])
			}
			return nil
		},
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			return runConvert(cmd.Context(), config, in, out, cmd.InOrStdin(), cmd.OutOrStdout())
		}),
	}
	f := cmd.Flags()
	f.StringVarP(&config, "config", "c", "", "OpenCC `CONFIG`: "+strings.Join(opencc.Configs(), ", ")+` ("t2s.json" works too)`)
	f.StringVarP(&in, "input", "i", "", "read `IN` instead of stdin")
	f.StringVarP(&out, "output", "o", "", "write `OUT` instead of stdout")
	return cmd
}

func runConvert(ctx context.Context, config, in, out string, stdin io.Reader, stdout io.Writer) error {
	if config == "" {
		return usagef("-c CONFIG is required (one of %s)", strings.Join(opencc.Configs(), ", "))
	}
	conv, err := opencc.New(config)
	if err != nil {
		return usageError{err}
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
