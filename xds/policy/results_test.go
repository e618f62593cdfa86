package policy

import (
	"testing"
)

func TestResultsModel(t *testing.T) {
	tests := []struct {
		name, body string
		set, on    bool // model given, model on
	}{
		{"default: the model on", "    results: {}\n", false, true},
		{"model off", "    results: {model: false}\n", true, false},
		{"model on", "    results: {action: block, model: true}\n", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, warnings := parseServer(t, tt.body)
			if p := s.Results; p == nil || (p.Model != nil) != tt.set || p.ModelOn() != tt.on || len(warnings) != 0 {
				t.Errorf("results: got %+v %q, want the model set %v, on %v", p, warnings, tt.set, tt.on)
			}
		})
	}
	// a value that is not a boolean fails the load rather than leave the
	// model on
	checkErrors(t, srv+"    results: {model: off}\n", []string{
		`policy.yaml:6:22: servers[0].results.model: must be true or false, got the string "off"`})
}

func TestResultsRules(t *testing.T) {
	s, warnings := parseServer(t, "    results:\n      action: annotate\n      rules:\n        - {tools: [\"fetch_*\"], action: block}\n        - {tools: [get_history], action: audit}\n")
	p := s.Results
	if p == nil || len(warnings) != 0 || len(p.Rules) != 2 || p.Rules[0].Action != "block" || p.Rules[0].Tools[0] != "fetch_*" || p.Rules[1].Action != "audit" || p.Rules[1].Tools[0] != "get_history" {
		t.Fatalf("results rules: got %+v %q", p, warnings)
	}
	// a rule missing a field, with an unknown field or action, fails the
	// load rather than take the section's action
	checkErrors(t, srv+"    results:\n      rules:\n        - {tools: [\"fetch_*\"]}\n        - {action: block}\n        - {tools: [a], action: drop}\n        - {tools: [a], action: block, on: x}\n", []string{
		`policy.yaml:8:11: servers[0].results.rules[0].action: required field is missing: annotate, redact, block or audit`,
		`policy.yaml:9:11: servers[0].results.rules[1].tools: required field is missing: the tool patterns this rule is for, such as ["fetch_*"]`,
		`policy.yaml:10:32: servers[0].results.rules[2].action: must be "annotate", "redact", "block" or "audit", got "drop"`,
		`policy.yaml:11:39: servers[0].results.rules[3].on: unknown field "on"; expected one of: tools, action`,
	})
}
