package jsonrpc

import (
	"errors"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
)

func TestReadTools(t *testing.T) {
	defs, err := ReadTools(jsontext.Value(`{ "nextCursor":"x", "tools" : [ {"name":"a"} , 7,{"name":"b","inputSchema":{"type":"object"}} ] }`))
	if err != nil {
		t.Fatal(err)
	}
	if len(defs) != 3 || string(defs[0]) != `{"name":"a"}` || string(defs[1]) != `7` || string(defs[2]) != `{"name":"b","inputSchema":{"type":"object"}}` {
		t.Fatalf("defs %q", defs)
	}
	for _, bad := range []string{`[]`, `{}`, `{"tools":{}}`, `{"tools":[],"tools":[]}`, `{"Tools":[],"tools":[]}`, `{"tools":[`, `"x"`} {
		if _, err := ReadTools(jsontext.Value(bad)); !errors.Is(err, ErrNotToolsList) {
			t.Errorf("%s: %v", bad, err)
		}
	}
}
