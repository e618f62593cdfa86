package results

import (
	"strings"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors"
)

// Rules give some tools their own action: the first rule naming a tool
// decides, a tool no rule names takes the section's action, and a tool a
// rule names is read even where the section's tools leave it out.
func TestRulesActionPerTool(t *testing.T) {
	p := &Policy{Action: ActionAnnotate, Tools: []string{"weather"}, Rules: []Rule{
		{Tools: []string{"fetch_*"}, Action: ActionBlock},
		{Tools: []string{"get_history", "fetch_history"}, Action: ActionAudit},
	}}
	if x := run(t, p, "fetch_page", injected); x.Action != interceptors.Deny || x.Rule != "results.injection" {
		t.Fatalf("fetch_page: want refused by rules[0], got %v %q", x.Action, x.Rule)
	}
	// fetch_history is named by both rules: the first decides
	if x := run(t, p, "fetch_history", injected); x.Action != interceptors.Deny {
		t.Fatalf("fetch_history: the first rule must decide, got %v", x.Action)
	}
	x := run(t, p, "get_history", fakeTurn)
	if x.Action != interceptors.Allow || string(x.Message.Result) != fakeTurn {
		t.Fatalf("get_history: audit must change nothing, got %v %s", x.Action, x.Message.Result)
	}
	if len(x.Findings) != 1 || x.Findings[0].Action != ActionAudit || !strings.Contains(x.Findings[0].Detail, "results.rules[1]") {
		t.Fatalf("get_history: want one audit finding naming rules[1], got %+v", x.Findings)
	}
	x = run(t, p, "weather", injected)
	if x.Action != interceptors.Modify || len(x.Findings) != 1 || x.Findings[0].Action != ActionAnnotate || strings.Contains(x.Findings[0].Detail, "results.rules") {
		t.Fatalf("weather: want the section's annotate, got %v %+v", x.Action, x.Findings)
	}
	if x := run(t, p, "search", injected); x.Action != interceptors.Allow || len(x.Findings) != 0 {
		t.Fatalf("search: named by neither tools nor a rule, must not be read: %v %+v", x.Action, x.Findings)
	}
	if x := run(t, p, "fetch_page", benign); x.Action != interceptors.Allow || string(x.Message.Result) != benign {
		t.Fatalf("a benign result under a block rule changed: %v %s", x.Action, x.Message.Result)
	}
}

func TestRulesRejected(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    Rule
		want string
	}{
		{"no tools", Rule{Action: ActionBlock}, "rules[0]: no tools named"},
		{"unknown action", Rule{Tools: []string{"x"}, Action: "drop"}, `rules[0]: unknown action "drop"`},
		{"no action", Rule{Tools: []string{"x"}}, `rules[0]: unknown action ""`},
	} {
		if _, err := New(&Policy{Rules: []Rule{tc.r}}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error with %q", tc.name, err, tc.want)
		}
	}
}
