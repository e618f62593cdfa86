package dashboards

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the dashboard JSON files from the Go definitions")

// TestJSONUpToDate fails when a checked-in dashboard differs from what the
// Go definitions generate: edit the Go, then `make dashboards`.
func TestJSONUpToDate(t *testing.T) {
	for _, d := range All() {
		want, err := d.JSON()
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := os.WriteFile(d.File, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(d.File)
		if err != nil {
			t.Fatalf("%v (run make dashboards)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run make dashboards (go test ./manifests/dashboards -update)", d.File)
		}
	}
}

// Every panel has a unique title and queries; the JSON is a dashboard
// Grafana reads (panels with ids, targets with expressions).
func TestDashboardsWellFormed(t *testing.T) {
	uids := map[string]bool{}
	for _, d := range All() {
		if uids[d.UID] {
			t.Errorf("uid %s used twice", d.UID)
		}
		uids[d.UID] = true
		titles := map[string]bool{}
		for _, r := range d.Rows {
			for _, p := range r.Panels {
				if titles[p.Title] {
					t.Errorf("%s: panel %q twice", d.Title, p.Title)
				}
				titles[p.Title] = true
				if len(p.Targets) == 0 {
					t.Errorf("%s: panel %q has no query", d.Title, p.Title)
				}
			}
		}
		b, err := d.JSON()
		if err != nil {
			t.Fatal(err)
		}
		var model struct {
			UID    string
			Panels []struct {
				ID      int
				Type    string
				Targets []struct{ Expr string }
			}
		}
		if err := json.Unmarshal(b, &model); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, p := range model.Panels {
			for _, tg := range p.Targets {
				if strings.TrimSpace(tg.Expr) == "" {
					t.Errorf("%s: panel %d has an empty query", d.Title, p.ID)
				}
				n++
			}
		}
		if n != len(d.Queries()) || n == 0 {
			t.Errorf("%s: %d queries in the JSON, %d defined", d.Title, n, len(d.Queries()))
		}
	}
}
