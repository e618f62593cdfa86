package sse

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func FuzzSSE(f *testing.F) {
	seeds := []string{
		"data: hello\n\n",
		"\ufeffid: 1\r\nevent: message\r\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\r\n\r\n",
		": keepalive\n\ndata: a\ndata: b\n\nretry: 10\n\n",
		"data: a\rdata: b\r\r",
		"data: a\r\n\r",
		"id: 1\u2028data: evil\n\n",
		"data: \"x\u2028y\"\n\n",
		"data: 1\n\ndata: 2",
		"\xef\xbb",
		"\n\n\r\n\r\r",
		"event\ndata\nid\n\n",
		"id: a\x00b\ndata: x\n\n",
	}
	for i, s := range seeds {
		f.Add([]byte(s), []byte{1, 3, 7}, i%2 == 0, uint16(0))
		f.Add([]byte(s), []byte{2}, true, uint16(8))
	}
	f.Fuzz(func(t *testing.T, in, cuts []byte, lenient bool, limit uint16) {
		max := int(limit) // zero means the default
		whole, werr := feedAll(&Parser{Lenient: lenient, MaxEventBytes: max}, in)

		var chunks [][]byte
		rest := in
		for i := 0; len(rest) > 0; i++ {
			n := len(rest)
			if len(cuts) > 0 {
				n = min(len(rest), int(cuts[i%len(cuts)])%64)
			}
			chunks = append(chunks, rest[:n]) // empty chunks too
			rest = rest[n:]
			if i > 4*len(in)+4 {
				chunks = append(chunks, rest)
				break
			}
		}
		split, serr := feedAll(&Parser{Lenient: lenient, MaxEventBytes: max}, chunks...)

		if (werr == nil) != (serr == nil) || werr != nil && errorClass(werr) != errorClass(serr) {
			t.Fatalf("whole: %v; split: %v", werr, serr)
		}
		if len(whole) != len(split) {
			t.Fatalf("whole gives %d events, split %d:\n%v\n%v", len(whole), len(split), got(whole), got(split))
		}
		for i := range whole {
			a, b := whole[i], split[i]
			if !bytes.Equal(a.Raw, b.Raw) || a.ID != b.ID || a.Type != b.Type || !bytes.Equal(a.Data, b.Data) || a.HasData != b.HasData {
				t.Fatalf("event %d: whole %v, split %v", i, got(whole[i:i+1]), got(split[i:i+1]))
			}
		}
		// The events cover the stream in order.
		var all []byte
		for _, e := range whole {
			if werr == nil && !lenient && errors.Is(checkStrict(e), ErrAmbiguous) {
				t.Fatalf("strict parser returned an ambiguous event %q", e.Raw)
			}
			all = append(all, e.Raw...)
		}
		if !bytes.HasPrefix(in, all) {
			t.Fatalf("events %q are not a prefix of %q", all, in)
		}
		// Encode writes what parses back to the same event.
		for _, e := range whole {
			out := Encode(e)
			back, err := feedAll(&Parser{}, out)
			if err != nil || len(back) != 1 {
				t.Fatalf("Encode(%v) = %q parses to %v, %v", got([]Event{e}), out, got(back), err)
			}
			b := back[0]
			if !bytes.Equal(b.Data, e.Data) || b.HasData != (e.HasData || len(e.Data) > 0) {
				t.Fatalf("Encode round trip: %v -> %q -> %v", got([]Event{e}), out, got(back))
			}
			if writable(e.ID) && !bytesHasNUL(e.ID) && b.ID != e.ID || writable(e.Type) && b.Type != e.Type {
				t.Fatalf("Encode round trip of id/type: %v -> %q -> %v", got([]Event{e}), out, got(back))
			}
		}
	})
}

// checkStrict re-reads an event's lines with the strict rules.
func checkStrict(e Event) error {
	raw := e.Raw
	raw = bytes.TrimPrefix(raw, utf8BOM)
	for _, line := range strings.Split(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\n") {
		if strings.Contains(line, "\r") && !strings.HasSuffix(string(e.Raw), line) {
			return fmt.Errorf("%w: lone CR", ErrAmbiguous)
		}
		if !strings.HasPrefix(line, "data:") && line != "data" && ambiguousBreak([]byte(line)) >= 0 {
			return fmt.Errorf("%w: %q", ErrAmbiguous, line)
		}
	}
	return nil
}

func errorClass(err error) error {
	for _, e := range []error{ErrAmbiguous, ErrEventTooLarge} {
		if errors.Is(err, e) {
			return e
		}
	}
	return err
}
