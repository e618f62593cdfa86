package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/internal/textmodel"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
	"github.com/mcpmesh/mcpmesh/interceptors/poisoning"
)

// loadPoisoning reads the tuning files of the poisoning corpus in dir: each
// tool definition as one text, grouped by the repository of its file (a
// derived entry by that of the entry it was derived from), with the
// verdict of the poisoning check as its evaluation runs it (the benign
// tools of the split's other files as neighbours in the mesh).
func loadPoisoning(dir string) []*doc {
	type entry struct {
		Tool       json.RawMessage `json:"tool"`
		Label      string          `json:"label"`
		Category   string          `json:"category"`
		Neighbours []string        `json:"neighbours"`
		Derived    struct {
			From struct {
				File string `json:"file"`
			} `json:"from"`
		} `json:"derived"`
	}
	type file struct {
		Split  string `json:"split"`
		Source struct {
			Repository string `json:"repository"`
		} `json:"source"`
		Entries []entry `json:"entries"`
	}
	tuning := map[string]*file{}
	for f, b := range tuningFiles(dir) {
		var fl file
		if err := json.Unmarshal(b, &fl); err != nil {
			log.Fatalf("%s: %v", f, err)
		}
		tuning[filepath.Base(f)] = &fl
	}
	// the mesh: the names of every benign file's tools
	mesh := map[string][]string{}
	for name, fl := range tuning {
		if !strings.HasPrefix(name, "benign-") {
			continue
		}
		for _, e := range fl.Entries {
			var t struct {
				Name string `json:"name"`
			}
			_ = json.Unmarshal(e.Tool, &t)
			mesh[name] = append(mesh[name], t.Name)
		}
	}
	var docs []*doc
	for _, name := range sortedKeys(tuning) {
		fl := tuning[name]
		for i, e := range fl.Entries {
			repo := fl.Source.Repository
			if from := e.Derived.From.File; from != "" {
				if tuning[from] == nil {
					log.Fatalf("%s: derived from %s, not a tuning file", name, from)
				}
				repo = tuning[from].Source.Repository
			}
			if repo == "" {
				log.Fatalf("%s: no source repository", name)
			}
			others := append([]string(nil), e.Neighbours...)
			for f, names := range mesh {
				if f != name {
					others = append(others, names...)
				}
			}
			docs = append(docs, &doc{text: textmodel.ToolText(e.Tool), inj: e.Label == "poisoned", category: e.Category,
				group: repo, file: name, key: fmt.Sprintf("%s#%d", name, i), lexical: hidden(e.Tool, others)})
		}
	}
	return docs
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// hidden reports whether the poisoning check with its defaults hides the
// tool from a tools/list answer, with others as the mesh's other tools.
func hidden(tool json.RawMessage, others []string) bool {
	c, err := poisoning.New(&poisoning.Policy{Mode: interceptors.Enforce, Action: interceptors.ActionHide}, func() []string { return others }, nil)
	if err != nil {
		log.Fatal(err)
	}
	body := `{"jsonrpc":"2.0","id":1,"result":{"tools":[` + string(tool) + `]}}`
	b, err := jsonrpc.Parse([]byte(body), jsonrpc.Limits{})
	if err != nil {
		log.Fatal(err)
	}
	x := &interceptors.Exchange{Server: "demo", Direction: interceptors.ToClient, Message: b.Messages[0], Method: "tools/list"}
	if err := c.Intercept(context.Background(), x); err != nil {
		log.Fatal(err)
	}
	return len(x.Removed) > 0
}
