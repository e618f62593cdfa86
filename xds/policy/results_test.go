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
