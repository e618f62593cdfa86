package results

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/internal/evalcorpus"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

// The prompts corpus: real prompt templates and sampling requests of
// public MCP servers and prompt collections (testdata/prompts/PROVENANCE.md),
// all benign, each read as what it arrives as: a prompts/get answer's
// message, or a sampling request's message or system prompt. Split by
// source repository as the evaluation corpus is.

// promptFloors are the highest rates of benign prompts flagged, per split
// and reading (the signals alone, and with the model), that the test
// accepts: the figures measured when they were set.
var promptFloors = map[string]map[string]float64{
	"signals":       {"tuning": 1.0 / 187, "heldout": 0.0 / 9},
	"signals+model": {"tuning": 1.0 / 187, "heldout": 0.0 / 9},
}

// asPrompt wraps text as what a server sends: category benign-sampling…
// as a sampling request (the system prompt, or a message), anything else
// as a prompts/get answer with one message of the category's role.
func asPrompt(t testing.TB, category, text string) *interceptors.Exchange {
	t.Helper()
	q, err := json.Marshal(text)
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case category == "benign-sampling-system":
		return &interceptors.Exchange{Server: "s", Direction: interceptors.ToClient, Method: "sampling/createMessage",
			Message: &jsonrpc.Message{ID: jsontext.Value("9"), Method: "sampling/createMessage",
				Params: jsontext.Value(`{"messages":[{"role":"user","content":{"type":"text","text":"Go on."}}],"systemPrompt":` + string(q) + `,"maxTokens":100}`)}}
	case strings.HasPrefix(category, "benign-sampling"):
		return &interceptors.Exchange{Server: "s", Direction: interceptors.ToClient, Method: "sampling/createMessage",
			Message: &jsonrpc.Message{ID: jsontext.Value("9"), Method: "sampling/createMessage",
				Params: jsontext.Value(`{"messages":[{"role":"user","content":{"type":"text","text":` + string(q) + `}}],"maxTokens":100}`)}}
	case category == "benign-prompt-description":
		return &interceptors.Exchange{Server: "s", Direction: interceptors.ToClient, Method: "prompts/get",
			Message: &jsonrpc.Message{ID: jsontext.Value("9"), Result: jsontext.Value(`{"description":` + string(q) + `,"messages":[]}`)}}
	case category == "benign-prompt-resource":
		return &interceptors.Exchange{Server: "s", Direction: interceptors.ToClient, Method: "prompts/get",
			Message: &jsonrpc.Message{ID: jsontext.Value("9"), Result: jsontext.Value(`{"messages":[{"role":"user","content":{"type":"resource","resource":{"uri":"file:///r.txt","mimeType":"text/plain","text":` + string(q) + `}}}]}`)}}
	}
	role := "user"
	if category == "benign-prompt-assistant" {
		role = "assistant"
	}
	return &interceptors.Exchange{Server: "s", Direction: interceptors.ToClient, Method: "prompts/get",
		Message: &jsonrpc.Message{ID: jsontext.Value("9"), Result: jsontext.Value(`{"messages":[{"role":"` + role + `","content":{"type":"text","text":` + string(q) + `}}]}`)}}
}

func TestPromptsCorpus(t *testing.T) {
	cases := evalcorpus.Load(t, "testdata/prompts", func(e evalEntry) error {
		if e.Label != "benign" || !strings.HasPrefix(e.Category, "benign-") || e.Text == "" || len(e.Source) == 0 {
			return fmt.Errorf("label %q category %q", e.Label, e.Category)
		}
		return nil
	})
	off := false
	for _, reading := range []struct {
		name string
		p    *Policy
	}{{"signals", &Policy{Model: &off}}, {"signals+model", &Policy{}}} {
		t.Run(reading.name, func(t *testing.T) {
			c, err := New(reading.p)
			if err != nil {
				t.Fatal(err)
			}
			n, hit, asResult := map[string]int{}, map[string]int{}, map[string]int{}
			for _, e := range cases {
				if e.Split != "tuning" && os.Getenv("EVAL_TUNING_ONLY") != "" {
					continue
				}
				x := asPrompt(t, e.Entry.Category, e.Entry.Text)
				want := string(x.Message.Result) + string(x.Message.Params)
				if err := c.Intercept(context.Background(), x); err != nil {
					t.Fatal(err)
				}
				n[e.Split]++
				if len(x.Findings) > 0 {
					hit[e.Split]++
					if e.Split == "tuning" && os.Getenv("EVAL_MISSES") != "" {
						t.Logf("flagged %s %s: %s", e.File, strings.Join(strings.Fields(string(e.Entry.Source)), " "), x.Findings[0].Detail)
					}
				} else if got := string(x.Message.Result) + string(x.Message.Params); got != want {
					t.Errorf("%s: unflagged prompt changed", e.File)
				}
				// the same text as a tool's result, for comparison
				if flagged(t, c, e.Entry.Text) {
					asResult[e.Split]++
				}
			}
			for _, split := range []string{"tuning", "heldout"} {
				if n[split] == 0 {
					continue
				}
				t.Logf("%s %s: %d of %d benign prompts flagged (%d as tool results)", reading.name, split, hit[split], n[split], asResult[split])
				if got := float64(hit[split]) / float64(n[split]); got > promptFloors[reading.name][split]+1e-9 {
					t.Errorf("%s %s: %d of %d benign prompts flagged, above the floor %.4f", reading.name, split, hit[split], n[split], promptFloors[reading.name][split])
				}
			}
		})
	}
}
