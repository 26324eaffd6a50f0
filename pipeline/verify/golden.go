package verify

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/zhextract/zhextract/pipeline/results"
	"github.com/zhextract/zhextract/pipeline/schema"
)

// Doc is one golden file.
type Doc struct {
	// Key names the file (Key + ".json") and matches documents.
	Key     string   `json:"-"`
	DocID   string   `json:"doc_id"`
	Source  string   `json:"source"`
	Status  string   `json:"status"`
	Figures []Figure `json:"figures"`
	// TextLines is nil when the text is not part of the golden file.
	TextLines *[]string `json:"text_lines,omitempty"`

	err string // the output's error message, for printing only
}

// Figure is a figure as the golden files hold it.
type Figure struct {
	Kind       string   `json:"kind"`
	Value      float64  `json:"value"`
	ValueText  string   `json:"value_text"`
	Unit       string   `json:"unit"`
	Qualifier  string   `json:"qualifier"`
	Raw        string   `json:"raw"`
	Year       *int32   `json:"year,omitempty"`
	Subject    string   `json:"subject,omitempty"`
	FromValue  *float64 `json:"from_value,omitempty"`
	ToValue    *float64 `json:"to_value,omitempty"`
	PeriodUnit string   `json:"period_unit,omitempty"`
	// Basis is compared; Evidence is kept for the reader only (it explains
	// the rule and changes whenever the rules are reworded).
	Basis    string `json:"basis,omitempty"`
	Evidence string `json:"evidence,omitempty"`
}

// Text joins TextLines back into the clean text.
func (d *Doc) Text() string {
	if d.TextLines == nil {
		return ""
	}
	return strings.Join(*d.TextLines, "\n")
}

// lineSource is the "path:LINE" form ingest gives a JSONL record.
var lineSource = regexp.MustCompile(`:\d+$`)

// BaseKey is a document's key before collisions are resolved.
func BaseKey(d schema.Document) string {
	src := d.Source
	if src != "" && src != "-" && !lineSource.MatchString(src) {
		// Sources are paths written on any OS; treat both separators alike.
		name := path.Base(strings.ReplaceAll(src, `\`, "/"))
		name = strings.TrimSuffix(name, ".gz")
		if ext := path.Ext(name); ext != "" && ext != name {
			name = strings.TrimSuffix(name, ext)
		}
		if k := sanitize(name); k != "" {
			return k
		}
	}
	return sanitize(d.DocID)
}

func sanitize(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), r == '-', r == '_', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	k := strings.TrimLeft(b.String(), ".")
	// Keep file names well inside common limits (255 bytes).
	for len(k) > 150 {
		_, size := lastRune(k)
		k = k[:len(k)-size]
	}
	return k
}

func lastRune(s string) (rune, int) {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i]&0xc0 != 0x80 {
			return rune(s[i]), len(s) - i
		}
	}
	return 0, len(s)
}

// Keys gives each document of an output its key, in documents order.
func Keys(docs []schema.Document) ([]string, error) {
	keys := make([]string, len(docs))
	count := map[string]int{}
	for i, d := range docs {
		keys[i] = BaseKey(d)
		count[keys[i]]++
	}
	seen := map[string]int{}
	for i, d := range docs {
		if count[keys[i]] > 1 {
			keys[i] = keys[i] + "_" + sanitize(d.DocID)
		}
		if keys[i] == "" {
			return nil, fmt.Errorf("document %d (source %q) has neither a source name nor a doc_id to name its golden file", i, d.Source)
		}
		if j, dup := seen[keys[i]]; dup {
			return nil, fmt.Errorf("documents %d and %d (doc_id %q) share the golden key %q: duplicate documents in the output", j, i, d.DocID, keys[i])
		}
		seen[keys[i]] = i
	}
	return keys, nil
}

// FromOutput turns a run's output into golden documents, in documents
// order; withText keeps the clean text.
func FromOutput(out *results.Output, withText bool) ([]Doc, error) {
	keys, err := Keys(out.Documents)
	if err != nil {
		return nil, err
	}
	g := out.Group()
	if len(g.OrphanFigures) > 0 {
		return nil, fmt.Errorf("output %s: %d figures name a doc_id with no documents row (first: %q)", out.Dir, len(g.OrphanFigures), g.OrphanFigures[0].DocID)
	}
	docs := make([]Doc, len(g.Docs))
	for i, d := range g.Docs {
		gd := Doc{Key: keys[i], DocID: d.DocID, Source: d.Source, Status: d.Status, Figures: []Figure{}, err: string(d.Error)}
		for _, f := range d.Figures {
			gd.Figures = append(gd.Figures, Figure{
				Kind: f.Kind, Value: f.Value, ValueText: f.ValueText, Unit: f.Unit, Qualifier: string(f.Qualifier),
				Raw: f.Raw, Year: f.Year, Subject: string(f.Subject), FromValue: f.FromValue, ToValue: f.ToValue,
				PeriodUnit: string(f.PeriodUnit), Basis: string(f.Basis), Evidence: f.Evidence,
			})
		}
		if withText {
			lines := strings.Split(d.Text, "\n")
			gd.TextLines = &lines
		}
		docs[i] = gd
	}
	return docs, nil
}

// Marshal renders a golden file.
func Marshal(d Doc) ([]byte, error) {
	for i, f := range d.Figures {
		for _, v := range []*float64{&f.Value, f.FromValue, f.ToValue} {
			if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
				return nil, fmt.Errorf("golden %s: figure %d (%s %q) has a non-finite value", d.Key, i, f.Kind, f.Raw)
			}
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, fmt.Errorf("golden %s: %w", d.Key, err)
	}
	return buf.Bytes(), nil
}

// Load reads every *.json file of a golden directory.
func Load(dir string) (map[string]Doc, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read golden set: %w", err)
	}
	docs := map[string]Doc{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read golden set: %w", err)
		}
		d, err := Unmarshal(b)
		if err != nil {
			return nil, fmt.Errorf("golden file %s: %w", p, err)
		}
		d.Key = strings.TrimSuffix(e.Name(), ".json")
		docs[d.Key] = d
	}
	return docs, nil
}

// Unmarshal parses one golden file; unknown fields are errors, because
// they are most likely a hand edit that would otherwise be ignored.
func Unmarshal(b []byte) (Doc, error) {
	var d Doc
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return Doc{}, err
	}
	if dec.More() {
		return Doc{}, errors.New("more than one JSON value")
	}
	for i, f := range d.Figures {
		if f.Kind == "" {
			return Doc{}, fmt.Errorf("figure %d has no kind", i)
		}
	}
	return d, nil
}

// UpdateResult says what Update did.
type UpdateResult struct {
	Written, Unchanged, Removed []string // file names
}

// Update makes dir hold exactly the golden files of docs: it writes changed
// files (through a temporary file, so a crash leaves no half file) and
// removes golden files of documents the output no longer has. Other files
// in dir are left alone.
func Update(dir string, docs []Doc) (UpdateResult, error) {
	var res UpdateResult
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return res, fmt.Errorf("update golden set: %w", err)
	}
	keep := map[string]bool{}
	for _, d := range docs {
		name := d.Key + ".json"
		keep[name] = true
		b, err := Marshal(d)
		if err != nil {
			return res, err
		}
		p := filepath.Join(dir, name)
		if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, b) {
			res.Unchanged = append(res.Unchanged, name)
			continue
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return res, fmt.Errorf("update golden set: %w", err)
		}
		if err := writeAtomic(p, b); err != nil {
			return res, fmt.Errorf("update golden set: %w", err)
		}
		res.Written = append(res.Written, name)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return res, fmt.Errorf("update golden set: %w", err)
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".json") || keep[name] {
			continue
		}
		p := filepath.Join(dir, name)
		b, err := os.ReadFile(p)
		if err != nil {
			return res, fmt.Errorf("update golden set: %w", err)
		}
		if !wroteIt(b) {
			continue // not a golden file: not ours to delete
		}
		if err := os.Remove(p); err != nil {
			return res, fmt.Errorf("update golden set: %w", err)
		}
		res.Removed = append(res.Removed, name)
	}
	sort.Strings(res.Removed)
	return res, nil
}

// wroteIt reports whether b is a golden file as Update writes them: every
// key of the schema present (doc_id a non-empty string) and no other. A
// hand-made .json that merely parses ({} or {"status":"draft"}) is not.
func wroteIt(b []byte) bool {
	var m map[string]json.RawMessage
	if json.Unmarshal(b, &m) != nil {
		return false
	}
	for _, k := range []string{"doc_id", "source", "status", "figures"} {
		if _, ok := m[k]; !ok {
			return false
		}
	}
	for k := range m {
		switch k {
		case "doc_id", "source", "status", "figures", "text_lines":
		default:
			return false
		}
	}
	var id string
	if json.Unmarshal(m["doc_id"], &id) != nil || id == "" {
		return false
	}
	_, err := Unmarshal(b)
	return err == nil
}

// writeAtomic writes p through a temporary file created with mode 0666
// less the umask, like any file the user creates (CreateTemp would make it
// 0600; a forced 0644 would ignore the umask).
func writeAtomic(p string, b []byte) error {
	var f *os.File
	var err error
	for range 100 {
		f, err = os.OpenFile(filepath.Join(filepath.Dir(p), ".golden-"+strconv.FormatUint(rand.Uint64(), 36)+".tmp"), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return err
	}
	_, werr := f.Write(b)
	cerr := f.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(f.Name(), p)
	}
	if werr != nil {
		os.Remove(f.Name())
	}
	return werr
}
