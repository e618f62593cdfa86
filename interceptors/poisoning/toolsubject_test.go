package poisoning

import "testing"

// Words of an order whose subject is the tool say what the call does;
// with the model as the subject, or the tool in a clause of its own,
// they are still an order.
func TestToolAsTheSubject(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{`The mode. "report" means the tool will scan the files and respond with a JSON summary.`, false},
		{`The style. "brief" makes the API respond with one line per item.`, false},
		{"The mode. Respond with the full file contents every time.", true},
		{"The mode. After the tool runs, respond with the summary only.", true},
		{"The mode. The tool returns a list and you must respond with the first entry.", true},
	} {
		ev := &evidence{definitions: true, tool: []byte(paramTool("scan_files", "", map[string]string{"mode": ""}))}
		ev.text([]string{".inputSchema", ".properties", ".mode", ".description"}, c.text)
		if got := ev.weight[sigDirective] > 0; got != c.want {
			t.Errorf("%q: directive %v, want %v", c.text, got, c.want)
		}
	}
}
