package report

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"github.com/zhextract/zhextract/pipeline/results"
)

// Result says what a report holds.
type Result struct {
	Documents, Shown, Figures, Edits, Pages int
}

// markerName marks a folder as a report, so that WriteDir replaces only
// folders it wrote.
const markerName = ".zhextract-report"

// rowsPerDataFile bounds a data/NNNNN.js file of table rows.
const rowsPerDataFile = 5000

// WriteFile renders the run in runDir as one self-contained page at path,
// through a temporary file, so that a failed render leaves no half page
// and an existing report stays until the new one is complete. path must be
// a regular file or a new name: a device, FIFO, symlink or folder is
// refused, never replaced.
func WriteFile(ctx context.Context, path, runDir string, opt Options) (Result, error) {
	opt.defaults()
	perm, err := checkFileTarget(path)
	if err != nil {
		return Result{}, err
	}
	tmp, f, err := createTemp(filepath.Dir(path), filepath.Base(path))
	if err != nil {
		return Result{}, fmt.Errorf("write report %s: %w", path, err)
	}
	res, err := WriteSingle(ctx, f, runDir, opt)
	if err == nil && perm != 0 {
		err = f.Chmod(perm)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return res, fmt.Errorf("write report %s: %w", path, err)
	}
	return res, nil
}

// checkFileTarget refuses anything at path but a regular file; it returns
// the permissions of an existing file to keep (0 for a new one).
func checkFileTarget(path string) (fs.FileMode, error) {
	st, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("write report %s: %w", path, err)
	}
	if !st.Mode().IsRegular() {
		return 0, fmt.Errorf("write report %s: %s, not a regular file: refusing to replace it", path, describe(st.Mode()))
	}
	return st.Mode().Perm(), nil
}

func describe(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a symlink"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// createTemp creates a new hidden file beside name with permissions 0666
// less the umask (os.CreateTemp would make it 0600).
func createTemp(dir, name string) (string, *os.File, error) {
	for range 100 {
		p := filepath.Join(dir, "."+name+".tmp-"+strconv.FormatUint(rand.Uint64(), 36))
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return p, f, err
	}
	return "", nil, errors.New("cannot create a temporary file")
}

// WriteDir renders the run in runDir as a report folder at dir:
// index.html, docs/NNNNN.html and data/NNNNN.js. It is built under a
// temporary name beside dir and moved into place when complete; an
// existing dir is replaced only when it is empty or a report folder.
func WriteDir(ctx context.Context, dir, runDir string, opt Options) (Result, error) {
	opt.defaults()
	if err := checkDirTarget(dir); err != nil {
		return Result{}, err
	}
	l, err := results.Locate(runDir)
	if err != nil {
		return Result{}, err
	}
	parent, base := filepath.Dir(filepath.Clean(dir)), filepath.Base(filepath.Clean(dir))
	tmp, err := mkdirTemp(parent, base)
	if err != nil {
		return Result{}, fmt.Errorf("write report %s: %w", dir, err)
	}
	res, err := writeFolder(ctx, tmp, runDir, l, opt)
	if err == nil {
		err = replaceDir(tmp, dir)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return res, fmt.Errorf("write report %s: %w", dir, err)
	}
	return res, nil
}

func checkDirTarget(dir string) error {
	st, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("write report %s: %w", dir, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("write report %s: %s, not a folder: refusing to replace it", dir, describe(st.Mode()))
	}
	if _, err := os.Lstat(filepath.Join(dir, markerName)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("write report %s: %w", dir, err)
	}
	if len(entries) > 0 {
		return fmt.Errorf("write report %s: the folder is not empty and holds no report (no %s): refusing to replace it", dir, markerName)
	}
	return nil
}

func mkdirTemp(parent, base string) (string, error) {
	for range 100 {
		p := filepath.Join(parent, "."+base+".tmp-"+strconv.FormatUint(rand.Uint64(), 36))
		err := os.Mkdir(p, 0o777) // less the umask
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return p, err
	}
	return "", errors.New("cannot create a temporary folder")
}

// replaceDir moves the finished folder tmp to dir, moving an old report
// aside first and removing it after.
func replaceDir(tmp, dir string) error {
	old := ""
	if _, err := os.Lstat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// folder writes the pages of a report folder as documents stream by.
type folder struct {
	dir       string
	opt       Options
	k         *kinds
	sum       *summary
	page      []docView
	pageBytes int64
	pageKinds map[int]int
	npages    int
	rows      [][]any
	dataFiles []string
}

func writeFolder(ctx context.Context, tmp, runDir string, l *results.Layout, opt Options) (Result, error) {
	for _, sub := range []string{"docs", "data"} {
		if err := os.Mkdir(filepath.Join(tmp, sub), 0o777); err != nil {
			return Result{}, err
		}
	}
	k := newKinds()
	w := &folder{dir: tmp, opt: opt, k: k, sum: newSummary(runDir, l.Format, k), pageKinds: map[int]int{}}
	shown := 0
	err := scan(ctx, openRunFunc(runDir), opt, w.sum, func(n int, d *doc) error {
		if len(w.page) > 0 && (len(w.page) >= opt.DocsPerPage || w.pageBytes+int64(len(d.Text)) > opt.PageBytes) {
			if err := w.flushPage(true); err != nil {
				return err
			}
		}
		shown++
		v := k.view(n, d)
		for _, f := range v.Figures {
			w.pageKinds[k.index[f.Kind]]++
		}
		w.page = append(w.page, v)
		w.pageBytes += int64(len(d.Text))
		w.rows = append(w.rows, rowOf(&v, fmt.Sprintf("docs/%05d.html#%s", w.npages+1, v.Anchor)))
		if len(w.rows) >= rowsPerDataFile {
			return w.flushRows()
		}
		return nil
	})
	if err == nil && len(w.page) > 0 {
		err = w.flushPage(false)
	}
	if err == nil && len(w.rows) > 0 {
		err = w.flushRows()
	}
	if err != nil {
		return Result{}, err
	}
	w.sum.finish()
	p := &pageData{Title: opt.Title, AllKinds: k.all(), summary: w.sum, DataFiles: w.dataFiles, NPages: w.npages}
	if err := writeTemplate(filepath.Join(tmp, "index.html"), "index", p); err != nil {
		return Result{}, err
	}
	if err := writeBytes(filepath.Join(tmp, markerName), []byte("zhextract report folder: `zhextract report` replaces this folder when asked to write here\n")); err != nil {
		return Result{}, err
	}
	return Result{Documents: w.sum.NDocs, Shown: shown, Figures: w.sum.NFigures, Edits: w.sum.NEdits, Pages: w.npages}, nil
}

func (w *folder) flushPage(more bool) error {
	w.npages++
	p := &pageData{Title: w.opt.Title, AllKinds: w.k.all(), Docs: w.page, Page: w.npages,
		First: w.page[0].N, Last: w.page[len(w.page)-1].N}
	for _, ki := range w.k.all() {
		if n := w.pageKinds[ki.Index]; n > 0 {
			ki.Count = n
			p.PageKinds = append(p.PageKinds, ki)
		}
	}
	if w.npages > 1 {
		p.Prev = fmt.Sprintf("%05d.html", w.npages-1)
	}
	if more {
		p.Next = fmt.Sprintf("%05d.html", w.npages+1)
	}
	err := writeTemplate(filepath.Join(w.dir, "docs", fmt.Sprintf("%05d.html", w.npages)), "shard", p)
	w.page, w.pageBytes = w.page[:0], 0
	clear(w.pageKinds)
	return err
}

func (w *folder) flushRows() error {
	// json.Marshal escapes <, > and & and the JS line separators, so a row
	// cannot end the script or break out of a string.
	b, err := json.Marshal(w.rows)
	if err != nil {
		return err
	}
	name := fmt.Sprintf("data/%05d.js", len(w.dataFiles)+1)
	out := append(append([]byte("zxAdd("), b...), ");\n"...)
	if err := writeBytes(filepath.Join(w.dir, name), out); err != nil {
		return err
	}
	w.dataFiles = append(w.dataFiles, name)
	w.rows = w.rows[:0]
	return nil
}

func writeTemplate(path, name string, p *pageData) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	err = templates().ExecuteTemplate(bw, name, p)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("render %s: %w", filepath.Base(path), err)
	}
	return nil
}

func writeBytes(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
