package poisoning

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/go-json-experiment/json/jsontext"
)

// DefinitionHash returns the sha256 (lower-case hex) of the canonical form
// of one tool definition: the whole tool object (name, title, description,
// inputSchema, outputSchema, annotations and any other member) except its
// top-level "_meta", in the JSON Canonicalization Scheme (RFC 8785):
// members sorted by name, no insignificant whitespace, strings in their
// minimal escaping and numbers in the shortest form of their double
// precision value. Two definitions that differ only in member order,
// whitespace, string escapes ("\u0061" for "a") or number spelling (1.0
// for 1) have the same hash; any change of content changes it.
//
// "_meta" is left out because the protocol reserves it for metadata that
// servers and SDKs attach per response (trace ids, timestamps, UI hints)
// and that clients do not hand to the model as part of the tool's
// contract; hashing it would report a change on every listing. The text
// in "_meta" is still scanned for hidden instructions and invisible
// characters.
//
// The definition must be an object with a string "name"; duplicate member
// names and invalid UTF-8 are refused.
func DefinitionHash(tool jsontext.Value) (string, error) {
	_, sum, err := definition(tool)
	return sum, err
}

// definition returns the tool's name and hash.
func definition(tool jsontext.Value) (name, sum string, err error) {
	d := jsontext.NewDecoder(bytes.NewReader(tool))
	tok, err := d.ReadToken()
	if err != nil {
		return "", "", err
	}
	if tok.Kind() != '{' {
		return "", "", fmt.Errorf("a tool definition must be an object, not %s", tok.Kind())
	}
	buf := make([]byte, 0, len(tool))
	buf = append(buf, '{')
	hasName := false
	n := 0
	for d.PeekKind() != '}' {
		nt, err := d.ReadToken()
		if err != nil {
			return "", "", err
		}
		key := nt.String()
		v, err := d.ReadValue()
		if err != nil {
			return "", "", err
		}
		if key == "_meta" {
			continue
		}
		if key == "name" {
			if v.Kind() != '"' {
				return "", "", errors.New(`a tool's "name" must be a string`)
			}
			var s string
			if err := json.Unmarshal(v, &s); err != nil {
				return "", "", err
			}
			name, hasName = s, true
		}
		if n > 0 {
			buf = append(buf, ',')
		}
		kq, err := jsontext.AppendQuote(nil, key)
		if err != nil {
			return "", "", err
		}
		buf = append(buf, kq...)
		buf = append(buf, ':')
		buf = append(buf, v...)
		n++
	}
	if _, err := d.ReadToken(); err != nil {
		return "", "", err
	}
	if _, err := d.ReadToken(); err == nil {
		return "", "", errors.New("data after the tool definition")
	}
	if !hasName {
		return "", "", errors.New(`a tool definition needs a string "name"`)
	}
	buf = append(buf, '}')
	v := jsontext.Value(buf)
	if err := v.Canonicalize(); err != nil {
		return "", "", fmt.Errorf("tool %q: %w", name, err)
	}
	h := sha256.Sum256(v)
	return name, hex.EncodeToString(h[:]), nil
}
