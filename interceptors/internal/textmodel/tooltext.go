package textmodel

import (
	"bytes"
	"encoding/json"
	"strings"
)

// notProse are the schema members whose strings are not read as text.
var notProse = map[string]bool{"type": true, "$schema": true, "format": true, "$ref": true, "$id": true}

// ToolText is what a model reads in a tool definition, in its order: every
// string (the name, the description, the parameters' descriptions,
// defaults and enum values) and the parameters' names, one a line.
func ToolText(raw json.RawMessage) string {
	type frame struct {
		obj, wantKey, props bool
		key                 string
	}
	var parts []string
	var st []frame
	dec := json.NewDecoder(bytes.NewReader(raw))
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		top := len(st) - 1
		inObj := top >= 0 && st[top].obj
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{', '[':
				props := inObj && st[top].key == "properties"
				if inObj {
					st[top].wantKey = true
				}
				st = append(st, frame{obj: v == '{', wantKey: true, props: props})
			default:
				st = st[:top]
			}
		case string:
			if inObj && st[top].wantKey {
				st[top].key, st[top].wantKey = v, false
				if st[top].props {
					parts = append(parts, v) // a parameter's name
				}
				continue
			}
			key := ""
			if inObj {
				key, st[top].wantKey = st[top].key, true
			}
			if !notProse[key] {
				parts = append(parts, v)
			}
		default:
			if inObj {
				st[top].wantKey = true
			}
		}
	}
	return strings.Join(parts, "\n")
}
