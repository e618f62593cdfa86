package results

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/internal/evalcorpus"
	"github.com/mcpmesh/mcpmesh/interceptors/internal/textmodel"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
	"github.com/mcpmesh/mcpmesh/interceptors/poisoning"
)

// TestCrossRead is an experiment (docs/benchmarks.md, "A learned text
// model beside the definition checks"): it reads every tool definition of
// the poisoning check's evaluation corpus as the results check reads a
// tool's result, its model-visible text (textmodel.ToolText) with the
// default policy, and sets that verdict beside the poisoning check's own,
// judged as the poisoning evaluation judges it (the mesh's other servers'
// names as neighbours, a server's list with its sibling tools). Per split
// and class it prints counts only: each check alone and either. It runs
// only when asked (CROSSREAD=1); EVAL_TUNING_ONLY=1 leaves the held-out
// split unread.
//
//	CROSSREAD=1 EVAL_TUNING_ONLY=1 go test ./interceptors/results -run TestCrossRead -v
func TestCrossRead(t *testing.T) {
	if os.Getenv("CROSSREAD") == "" {
		t.Skip("an experiment, not a check of the results check: set CROSSREAD=1 to run it")
	}
	type entry struct {
		Tool       json.RawMessage `json:"tool"`
		Label      string          `json:"label"`
		Category   string          `json:"category"`
		Neighbours []string        `json:"neighbours"`
	}
	cases := evalcorpus.Load(t, "../poisoning/testdata/eval", func(e entry) error {
		if e.Label != "poisoned" && e.Label != "benign" || len(e.Tool) == 0 {
			return fmt.Errorf("label %q", e.Label)
		}
		return nil
	})
	if os.Getenv("EVAL_TUNING_ONLY") != "" {
		cases = slices.DeleteFunc(cases, func(c evalcorpus.Case[entry]) bool { return c.Split != "tuning" })
	}
	nameOf := func(raw json.RawMessage) string {
		var tl struct {
			Name string `json:"name"`
		}
		_ = json.Unmarshal(raw, &tl)
		return tl.Name
	}
	// As the poisoning evaluation does: the names of every benign file of
	// the split are the mesh around an entry of another file, and a file
	// that is one server's list gives each entry its siblings.
	mesh := map[string]map[string][]string{}
	siblings := map[string][]string{}
	for _, c := range cases {
		n := nameOf(c.Entry.Tool)
		if strings.HasPrefix(c.File, "benign-") {
			if mesh[c.Split] == nil {
				mesh[c.Split] = map[string][]string{}
			}
			mesh[c.Split][c.File] = append(mesh[c.Split][c.File], n)
		}
		if c.Server != "" && n != "" && !slices.Contains(siblings[c.File], n) {
			siblings[c.File] = append(siblings[c.File], n)
		}
	}
	hides := func(c evalcorpus.Case[entry]) bool {
		others := slices.Clone(c.Entry.Neighbours)
		for f, names := range mesh[c.Split] {
			if f != c.File {
				others = append(others, names...)
			}
		}
		ch, err := poisoning.New(&poisoning.Policy{Mode: interceptors.Enforce, Action: interceptors.ActionHide}, func() []string { return others }, nil)
		if err != nil {
			t.Fatal(err)
		}
		name := nameOf(c.Entry.Tool)
		tools := []string{string(c.Entry.Tool)}
		if name != "" {
			for _, s := range siblings[c.File] {
				if s != name {
					b, err := json.Marshal(map[string]any{"name": s, "inputSchema": map[string]any{"type": "object"}})
					if err != nil {
						t.Fatal(err)
					}
					tools = append(tools, string(b))
				}
			}
		}
		body := `{"jsonrpc":"2.0","id":1,"result":{"tools":[` + strings.Join(tools, ",") + `]}}`
		p, err := jsonrpc.Parse([]byte(body), jsonrpc.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		x := &interceptors.Exchange{Server: "demo", Direction: interceptors.ToClient, Message: p.Messages[0], Method: "tools/list"}
		if err := ch.Intercept(context.Background(), x); err != nil {
			t.Fatal(err)
		}
		if len(tools) == 1 {
			return len(x.Removed) > 0
		}
		return slices.Contains(x.Removed, name)
	}
	off := false
	lexical, err := New(&Policy{Model: &off})
	if err != nil {
		t.Fatal(err)
	}
	withModel, err := New(&Policy{})
	if err != nil {
		t.Fatal(err)
	}
	var bySignals, byModel evalcorpus.Tally
	for _, c := range cases {
		p := hides(c)
		text := textmodel.ToolText(c.Entry.Tool)
		classes := []string{c.Entry.Label}
		if c.Entry.Category != c.Entry.Label {
			classes = append(classes, c.Entry.Category)
		}
		bySignals.Add(c.Split, classes, flagged(t, lexical, text), p)
		byModel.Add(c.Split, classes, flagged(t, withModel, text), p)
	}
	t.Logf("results signals (model off) beside poisoning\n%s", bySignals.Report("results", "poisoning"))
	t.Logf("results signals and model beside poisoning\n%s", byModel.Report("results", "poisoning"))
}
