package poisoning

import "strings"

// Look-alike names: a tool named like a neighbouring server's tool but
// spelt with a digit for a letter ("get_f1le"), a letter of another script
// ("sеnd_email" with a Cyrillic е) or a doubled letter, so that a model (or
// a person approving a call) takes one for the other.

// nameKey is the skeleton names are compared on: the canonical form
// (confusable letters mapped), the digits that pass for letters replaced,
// separators unified and doubled letters single.
func nameKey(name string, scratch []byte) (string, []byte) {
	out, canon := nameKeyBytes(name, scratch)
	return string(out), canon
}

// nameKeyBytes is nameKey written into scratch (the key, and scratch to
// use again), for a lookup that keeps no key.
func nameKeyBytes(name string, scratch []byte) ([]byte, []byte) {
	canon, _ := canonical(scratch[:0], name)
	out := canon[:0]
	var prev byte
	for _, c := range canon {
		switch c {
		case '0':
			c = 'o'
		case '1':
			c = 'l'
		case '3':
			c = 'e'
		case '5':
			c = 's'
		case '-', '.', ' ':
			c = '_'
		}
		if c == prev {
			continue
		}
		out = append(out, c)
		prev = c
	}
	return out, canon
}

// lookalikes indexes the names other servers publish by their key.
type lookalikes struct {
	byKey map[string]string // key -> a name with that key
	exact map[string]bool   // names as published, lower-cased
	words map[string]bool   // the same, separators unified
	names nameFilter        // of exact
}

// sameWords is a lower-cased name with every separator written "_":
// "list-databases" and "list_databases" are the same words.
func sameWords(name string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '-', '.', ' ':
			return '_'
		}
		return r
	}, strings.ToLower(name))
}

// nameFilter rules out most words as names without a map lookup: bit n of
// f[c] is set when a name starts with byte c and has n bytes (n capped at
// 63).
type nameFilter [256]uint64

func (f *nameFilter) add(s string) {
	if s != "" {
		f[s[0]] |= 1 << min(len(s), 63)
	}
}

func (f *nameFilter) may(s string) bool {
	return s != "" && f[s[0]]&(1<<min(len(s), 63)) != 0
}

func (l *lookalikes) filter() *nameFilter {
	if l == nil {
		return nil
	}
	return &l.names
}

func newLookalikes(others map[string]bool) *lookalikes {
	if len(others) == 0 {
		return nil
	}
	l := &lookalikes{byKey: make(map[string]string, len(others)), exact: others, words: make(map[string]bool, len(others))}
	var scratch []byte
	for n := range others {
		l.names.add(n)
		l.words[sameWords(n)] = true
		var k string
		k, scratch = nameKey(n, scratch)
		if old, ok := l.byKey[k]; !ok || n < old {
			l.byKey[k] = n
		}
	}
	return l
}

// of returns the other server's name that name imitates, or "". Equal
// names are not look-alikes (several servers may well offer "search"),
// nor are the same words joined otherwise ("list_databases" of one
// database server, "list-databases" of another): each server spells its
// names its own way, and the model reads the same words either way.
func (l *lookalikes) of(name string) string {
	if l == nil || name == "" {
		return ""
	}
	var buf [64]byte
	k, _ := nameKeyBytes(name, buf[:0])
	other, ok := l.byKey[string(k)] // (no copy made for the lookup)
	if !ok || l.exact[strings.ToLower(name)] || l.words[sameWords(name)] {
		return ""
	}
	return other
}

// rankedOther returns the name of another server's tool that name is, with
// a rank put before it ("best-pdf-to-markdown" beside another server's
// "pdf-to-markdown"), or "". Such a name copies a tool of the mesh and
// ranks itself above it: it is made for the model that picks between the
// two (MPMA's "best name", arXiv:2505.11154).
func rankedOther(name string, others map[string]bool) string {
	i := strings.IndexAny(name, "-_. ")
	if i <= 0 || len(others) == 0 || !rankWords[strings.ToLower(name[:i])] {
		return ""
	}
	if rest := strings.ToLower(name[i+1:]); others[rest] {
		return name[i+1:]
	}
	return ""
}
