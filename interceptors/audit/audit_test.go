package audit

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors"
)

func TestOneLinePerRecordUnderConcurrency(t *testing.T) {
	var buf bytes.Buffer
	l := New(&buf)
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := &Record{Server: "demo", Decision: "deny", Tool: "run_shell", Reason: "line\nbreak and \"quotes\"", LatencyMicros: int64(i),
				Findings: []interceptors.Finding{{Interceptor: "secrets", Rule: "github-pat", Action: "redact", Mode: "audit"}}}
			if err := l.Write(r); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	sc := bufio.NewScanner(&buf)
	n := 0
	for sc.Scan() {
		var r Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %d is not one JSON record: %q", n, sc.Text())
		}
		if r.Time.IsZero() || r.Findings[0].Rule != "github-pat" {
			t.Fatalf("record lost fields: %+v", r)
		}
		n++
	}
	if n != 50 {
		t.Fatalf("%d lines, want 50", n)
	}
}

type failing struct{ short bool }

func (f failing) Write(p []byte) (int, error) {
	if f.short {
		return len(p) / 2, nil
	}
	return 0, errors.New("no space left on device")
}

func TestWriteFailuresAreReported(t *testing.T) {
	for _, w := range []failing{{}, {short: true}} {
		if err := New(w).Write(&Record{Server: "demo"}); !errors.Is(err, ErrWrite) {
			t.Errorf("short=%v: got %v, want ErrWrite", w.short, err)
		}
	}
}

func TestOpenAppendsToFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	for range 2 {
		l, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := l.Write(&Record{Server: "demo", Decision: "allow"}); err != nil {
			t.Fatal(err)
		}
		if err := l.Close(); err != nil {
			t.Fatal(err)
		}
	}
	b, _ := os.ReadFile(path)
	if got := bytes.Count(b, []byte("\n")); got != 2 {
		t.Fatalf("%d lines after two opens, want 2 (appended)", got)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("audit file mode %v, want 0600", st.Mode().Perm())
	}
	// A closed sink fails loudly instead of dropping records.
	l, _ := Open(path)
	l.Close()
	if err := l.Write(&Record{Server: "demo"}); !errors.Is(err, ErrWrite) {
		t.Fatalf("write after close: %v", err)
	}
}
