package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/zhextract/zhextract/pipeline/decode"
	"github.com/zhextract/zhextract/pipeline/langmodel"
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
		Long: fmt.Sprintf("Converts Chinese text like `opencc -c CONFIG` (OpenCC %s dictionaries, built in).\n\n"+
			"CONFIG is a name (t2s), a file name (t2s.json) or an opencc config path\n"+
			"(/usr/share/opencc/t2s.json): the file name chooses the built-in config.\n\n"+
			"The input is decoded like run decodes a document: UTF-8 streams through;\n"+
			"GB18030, Big5 and UTF-16 input is detected and decoded to UTF-8 first.\n"+
			"Output is UTF-8; bytes no encoding explains become U+FFFD, as in run.", opencc.OpenCCVersion),
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
	f.StringVarP(&config, "config", "c", "", "OpenCC `CONFIG`: "+strings.Join(opencc.Configs(), ", ")+` (or t2s.json, or a path such as /usr/share/opencc/t2s.json)`)
	f.StringVarP(&in, "input", "i", "", "read `IN` instead of stdin")
	f.StringVarP(&out, "output", "o", "", "write `OUT` instead of stdout")
	return cmd
}

func runConvert(ctx context.Context, config, in, out string, stdin io.Reader, stdout io.Writer) error {
	if config == "" {
		return usagef("-c CONFIG is required (one of %s)", strings.Join(opencc.Configs(), ", "))
	}
	conv, err := opencc.New(builtinConfig(config))
	if err != nil {
		return usageError{fmt.Errorf("-c %s: not one of the built-in OpenCC configs (%s)", config, strings.Join(opencc.Configs(), ", "))}
	}

	r, name := stdin, "stdin"
	if in != "" && in != "-" {
		f, err := os.Open(in)
		if err != nil {
			return err
		}
		defer f.Close()
		r, name = f, in
	}
	r, err = decodeInput(r, name, maxConvertBytes)
	if err != nil {
		return err
	}
	if out == "" || out == "-" {
		return conv.ConvertStream(ctx, stdout, r)
	}
	return writeAtomic(out, func(w io.Writer) error { return conv.ConvertStream(ctx, w, r) })
}

// maxConvertBytes bounds an input that is not UTF-8, which is decoded
// whole; it matches run's default --max-mb.
const maxConvertBytes = 256 << 20

// builtinConfig maps an OpenCC config given as the opencc CLI takes it (a
// name, "t2s.json", or a path such as /usr/share/opencc/t2s.json) to the
// name of the built-in config: the file's name chooses it, the file itself
// is not read.
func builtinConfig(config string) string {
	return strings.TrimSuffix(filepath.Base(config), ".json")
}

// decodeInput returns r as UTF-8 text, decoded as run decodes a document
// (byte order marks, UTF-16, GB18030, Big5, lines in mixed encodings).
// Input whose first 64 KB are UTF-8 streams through unchanged, so memory
// stays flat for the common case; other input is read whole, up to max
// bytes. name is used in errors.
func decodeInput(r io.Reader, name string, max int64) (io.Reader, error) {
	const peek = 64 << 10
	br := bufio.NewReaderSize(r, peek)
	head, err := br.Peek(peek)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err == nil {
		head = trimPartialRune(head) // the peek may end inside a character
	}
	if utf8.Valid(head) && bytes.IndexByte(head, 0) < 0 {
		return br, nil
	}
	data, err := io.ReadAll(io.LimitReader(br, max+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s: larger than %d MB and not UTF-8; convert it in parts", name, max>>20)
	}
	res, err := decode.New(langmodel.PerChar).Decode(data, "")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return strings.NewReader(res.Text), nil
}

// trimPartialRune drops an incomplete UTF-8 sequence at the end of b.
func trimPartialRune(b []byte) []byte {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return b[:i]
			}
			break
		}
	}
	return b
}

// writeAtomic writes path through a temporary file in the same directory
// and renames it into place only when write succeeded. An existing file
// keeps its permissions; a new one gets 0666 less the umask. A symlink is
// written through (its target is replaced, the link stays), and a target
// that is not a regular file (/dev/stdout, a pipe, a FIFO) is written to
// directly, as the opencc CLI does.
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	if lst, err := os.Lstat(path); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		path = target
	}
	st, statErr := os.Stat(path)
	if statErr == nil && !st.Mode().IsRegular() {
		if st.IsDir() {
			return fmt.Errorf("%s: is a folder", path)
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil {
			return err
		}
		if err := write(f); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	var tmp *os.File
	for i := 0; ; i++ {
		name := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-"+strconv.FormatUint(rand.Uint64(), 36))
		tmp, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666) // the umask applies
		if err == nil || !errors.Is(err, fs.ErrExist) || i == 10 {
			break
		}
	}
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
	if statErr == nil {
		if err := tmp.Chmod(st.Mode().Perm()); err != nil {
			return err
		}
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", tmp.Name(), err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replace %s: %w", path, err)
	}
	return nil
}
