package report_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zhextract/zhextract/pipeline/report"
	"github.com/zhextract/zhextract/pipeline/results/resultstest"
)

// TestReportInBrowser opens the sample report in headless Chromium, checks
// that every figure is highlighted and visible, clicks a kind's checkbox
// and checks what the filter hides, checks that a "#kinds=" link applies
// the filter on load, and saves screenshots. Screenshots go to
// $ZHEXTRACT_SCREENSHOT_DIR when set, else to the test's artifact directory
// (kept with `go test -artifacts`).
func TestReportInBrowser(t *testing.T) {
	bin := chromiumPath()
	if bin == "" {
		t.Skip("chromium not found (Debian: apt-get install chromium; or set CHROMIUM=/path/to/chromium): the report is not checked in a browser")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if _, err := report.WriteFile(context.Background(), page, sampleRun(t, "parquet"), report.Options{}); err != nil {
		t.Fatal(err)
	}
	_, figs, _ := resultstest.Sample()
	kinds := map[string]int{}
	for _, f := range figs {
		kinds[f.Kind]++
	}

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	b, err := startBrowser(ctx, t, bin)
	if err != nil {
		t.Fatal(err)
	}
	defer b.close()

	pageURL := (&url.URL{Scheme: "file", Path: page}).String()
	if err := b.navigate(pageURL); err != nil {
		t.Fatal(err)
	}

	// Every figure is highlighted with a visible background and badge.
	visibleMarks := `Array.from(document.querySelectorAll('mark.fig:not(.cont)')).filter(m => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)')`
	var n int
	b.eval(t, `document.querySelectorAll('mark.fig:not(.cont)').length`, &n)
	if n != len(figs) {
		t.Errorf("%d highlights in the page, want %d", n, len(figs))
	}
	b.eval(t, visibleMarks+`.length`, &n)
	if n != len(figs) {
		t.Errorf("%d highlights have a background, want %d", n, len(figs))
	}
	b.eval(t, `Array.from(document.querySelectorAll('sup.badge')).filter(s => s.offsetParent !== null).length`, &n)
	if n != len(figs) {
		t.Errorf("%d badges visible, want %d", n, len(figs))
	}
	b.screenshot(t, "report.png")

	// A real click on the investment checkbox hides investment highlights,
	// badges and figure rows, and nothing else.
	var rect struct{ X, Y float64 }
	b.eval(t, `(() => { const r = document.querySelector('input.kind-filter[value="investment"]').getBoundingClientRect(); return {X: r.x + r.width/2, Y: r.y + r.height/2}; })()`, &rect)
	if err := b.click(rect.X, rect.Y); err != nil {
		t.Fatal(err)
	}
	want := len(figs) - kinds["investment"]
	b.eval(t, visibleMarks+`.length`, &n)
	if n != want {
		t.Errorf("after unchecking investment: %d highlights have a background, want %d", n, want)
	}
	b.eval(t, visibleMarks+`.filter(m => m.dataset.kind === 'investment').length`, &n)
	if n != 0 {
		t.Errorf("%d investment highlights still shown", n)
	}
	b.eval(t, `Array.from(document.querySelectorAll('sup.badge[data-kind="investment"], table.figures tr[data-kind="investment"]')).filter(e => e.offsetParent !== null).length`, &n)
	if n != 0 {
		t.Errorf("%d investment badges or rows still visible", n)
	}
	b.eval(t, `Array.from(document.querySelectorAll('table.figures tr[data-kind]')).filter(e => e.offsetParent !== null).length`, &n)
	if n != want {
		t.Errorf("%d figure rows visible, want %d", n, want)
	}
	var shown, hash string
	b.eval(t, `document.getElementById('shown').textContent`, &shown)
	if w := fmt.Sprintf("showing %d of %d highlights", want, len(figs)); shown != w {
		t.Errorf("counter says %q, want %q", shown, w)
	}
	b.eval(t, `location.hash`, &hash)
	if hash != "#kinds=road_length,funding,time_cut,material_cut" {
		t.Errorf("hash after filtering = %q", hash)
	}
	b.screenshot(t, "report-filtered.png")

	// A link with #kinds= opens with the filter applied.
	if err := b.navigate(pageURL + "?again#kinds=road_length"); err != nil {
		t.Fatal(err)
	}
	b.eval(t, visibleMarks+`.map(m => m.dataset.kind).join(',')`, &shown)
	if shown != strings.TrimSuffix(strings.Repeat("road_length,", kinds["road_length"]), ",") {
		t.Errorf("with #kinds=road_length the highlighted kinds are %q", shown)
	}
}

func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser is a minimal Chrome DevTools Protocol client over
// --remote-debugging-pipe: JSON messages separated by NUL bytes on file
// descriptors 3 (to the browser) and 4 (from it).
type browser struct {
	ctx     context.Context
	cmd     *exec.Cmd
	toB     *os.File
	msgs    chan json.RawMessage
	readErr chan error
	nextID  int
	session string
	events  []string // methods of events seen and not yet waited for
	stderr  *bytes.Buffer
}

func startBrowser(ctx context.Context, t testing.TB, bin string) (*browser, error) {
	toR, toW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	fromR, fromW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
		"--user-data-dir="+t.TempDir(), "--remote-debugging-pipe", "about:blank")
	cmd.ExtraFiles = []*os.File{toR, fromW}
	b := &browser{ctx: ctx, cmd: cmd, toB: toW, msgs: make(chan json.RawMessage, 64), readErr: make(chan error, 1), stderr: &bytes.Buffer{}}
	cmd.Stderr = b.stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	toR.Close()
	fromW.Close()
	go func() {
		r := bufio.NewReader(fromR)
		for {
			msg, err := r.ReadBytes(0)
			if err != nil {
				b.readErr <- err
				return
			}
			b.msgs <- json.RawMessage(msg[:len(msg)-1])
		}
	}()
	var target struct{ TargetID string }
	if err := b.call("Target.createTarget", map[string]any{"url": "about:blank"}, &target); err != nil {
		b.close()
		return nil, err
	}
	var att struct{ SessionID string }
	if err := b.call("Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &att); err != nil {
		b.close()
		return nil, err
	}
	b.session = att.SessionID
	for _, c := range []struct {
		method string
		params map[string]any
	}{
		{"Page.enable", nil},
		{"Runtime.enable", nil},
		{"Emulation.setDeviceMetricsOverride", map[string]any{"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": false}},
	} {
		if err := b.call(c.method, c.params, nil); err != nil {
			b.close()
			return nil, err
		}
	}
	return b, nil
}

// call sends a command and waits for its answer, keeping events for wait.
func (b *browser) call(method string, params any, result any) error {
	b.nextID++
	id := b.nextID
	msg := map[string]any{"id": id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	if b.session != "" && !strings.HasPrefix(method, "Target.") && !strings.HasPrefix(method, "Browser.") {
		msg["sessionId"] = b.session
	}
	data, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	if _, err := b.toB.Write(append(data, 0)); err != nil {
		return fmt.Errorf("cdp %s: %w", method, err)
	}
	for {
		raw, err := b.next()
		if err != nil {
			return fmt.Errorf("cdp %s: %w", method, err)
		}
		var m struct {
			ID     int             `json:"id"`
			Method string          `json:"method"`
			Result json.RawMessage `json:"result"`
			Error  *struct {
				Code    int    `json:"code"`
				Message string `json:"message"`
			} `json:"error"`
		}
		if err := json.Unmarshal(raw, &m); err != nil {
			return fmt.Errorf("cdp %s: bad message: %w", method, err)
		}
		if m.Method != "" {
			b.events = append(b.events, m.Method)
			continue
		}
		if m.ID != id {
			continue
		}
		if m.Error != nil {
			return fmt.Errorf("cdp %s: %d %s", method, m.Error.Code, m.Error.Message)
		}
		if result != nil {
			return json.Unmarshal(m.Result, result)
		}
		return nil
	}
}

func (b *browser) next() (json.RawMessage, error) {
	select {
	case m := <-b.msgs:
		return m, nil
	case err := <-b.readErr:
		return nil, fmt.Errorf("browser closed the pipe (%v); stderr:\n%s", err, b.stderr.String())
	case <-b.ctx.Done():
		return nil, fmt.Errorf("%w; browser stderr:\n%s", b.ctx.Err(), b.stderr.String())
	}
}

// wait returns once an event with this method has arrived.
func (b *browser) wait(method string) error {
	for {
		for i, m := range b.events {
			if m == method {
				b.events = append(b.events[:i], b.events[i+1:]...)
				return nil
			}
		}
		raw, err := b.next()
		if err != nil {
			return fmt.Errorf("waiting for %s: %w", method, err)
		}
		var m struct {
			Method string `json:"method"`
		}
		if json.Unmarshal(raw, &m) == nil && m.Method != "" {
			b.events = append(b.events, m.Method)
		}
	}
}

func (b *browser) navigate(u string) error {
	b.events = nil
	var res struct{ ErrorText string }
	if err := b.call("Page.navigate", map[string]any{"url": u}, &res); err != nil {
		return err
	}
	if res.ErrorText != "" {
		return fmt.Errorf("navigate %s: %s", u, res.ErrorText)
	}
	return b.wait("Page.loadEventFired")
}

// eval evaluates a JavaScript expression and decodes its value into v.
func (b *browser) eval(t *testing.T, expr string, v any) {
	t.Helper()
	var res struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	if err := b.call("Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true}, &res); err != nil {
		t.Fatal(err)
	}
	if res.ExceptionDetails != nil {
		t.Fatalf("eval %s: %s %s", expr, res.ExceptionDetails.Text, res.ExceptionDetails.Exception.Description)
	}
	if err := json.Unmarshal(res.Result.Value, v); err != nil {
		t.Fatalf("eval %s: %v (value %s)", expr, err, res.Result.Value)
	}
}

func (b *browser) click(x, y float64) error {
	for _, typ := range []string{"mousePressed", "mouseReleased"} {
		if err := b.call("Input.dispatchMouseEvent", map[string]any{"type": typ, "x": x, "y": y, "button": "left", "clickCount": 1}, nil); err != nil {
			return err
		}
	}
	return nil
}

// screenshot saves a full-page PNG and logs where.
func (b *browser) screenshot(t *testing.T, name string) {
	t.Helper()
	var shot struct{ Data string }
	if err := b.call("Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": true}, &shot); err != nil {
		t.Fatal(err)
	}
	png, err := base64.StdEncoding.DecodeString(shot.Data)
	if err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv("ZHEXTRACT_SCREENSHOT_DIR")
	if dir == "" {
		dir = t.ArtifactDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", p, len(png))
}

func (b *browser) close() {
	_ = b.call("Browser.close", nil, nil)
	b.toB.Close()
	done := make(chan error, 1)
	go func() { done <- b.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		// Our own child only, by its handle.
		_ = b.cmd.Process.Kill()
		<-done
	}
}
