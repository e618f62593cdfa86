package secrets

import (
	"math/rand/v2"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
)

// noise is what surrounds and breaks up generated matches: separators,
// quotes, escapes as JSON text shows them, and non-ASCII characters that
// case folding relates to ASCII letters.
var noise = []string{"", " ", "\n", "=", ":", "\"", "'", "\\n", "x", "_", "-", ".", "\u212a", "ſ", "é", "\u00a0", "0", "/"}

// samples returns texts that hold (near) matches of r's pattern, the
// pattern's own keywords in odd places, and the corpus.
func samples(t *testing.T, rnd *rand.Rand, r *rule, n int) []string {
	tree, err := syntax.Parse(r.re.String(), syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(corpus(8<<10), "\n")
	var out []string
	for i := range n {
		var b strings.Builder
		b.WriteString(noise[rnd.IntN(len(noise))])
		if i%5 == 0 {
			b.WriteString(lines[rnd.IntN(len(lines))])
		}
		sample(rnd, tree, &b)
		b.WriteString(noise[rnd.IntN(len(noise))])
		s := []byte(b.String())
		switch i % 3 {
		case 1: // a near miss
			if len(s) > 0 {
				s[rnd.IntN(len(s))] = " =:x\n"[rnd.IntN(5)]
			}
		case 2: // cut short
			s = s[:rnd.IntN(len(s)+1)]
		}
		out = append(out, string(s))
	}
	return out
}

// The prefilter is a necessary condition: wherever the anchored pattern
// matches, it says yes.
func TestPrefilterIsSound(t *testing.T) {
	s := newScanner(t, Policy{})
	rnd := rand.New(rand.NewPCG(8, 9))
	st := new(state)
	tested, rejected := 0, 0
	for _, r := range s.rules {
		if r.pf == nil {
			continue
		}
		for _, text := range samples(t, rnd, r, 300) {
			lower := strings.ToLower(text)
			for p := range text {
				if len(lower) != len(text) || !slices.ContainsFunc(r.keywords, func(k string) bool { return strings.HasPrefix(lower[p:], k) }) {
					continue
				}
				ok := st.prefilter(r.pf, text, p)
				tested++
				if !ok {
					rejected++
				}
				if !ok && r.runAnchored(text, p) != nil {
					t.Fatalf("rule %s: the prefilter refuses %q at %d, where the pattern matches", r.id, text, p)
				}
			}
		}
	}
	if tested == 0 || rejected == 0 {
		t.Fatalf("%d checks, %d refusals: the test does not exercise the prefilter", tested, rejected)
	}
}

// Every shortcut of the engine (prefilters, the operator test of template
// rules, gated allowlist expressions) changes only the speed: the findings
// are those of the plain patterns and allowlists.
func TestFindUnchangedByShortcuts(t *testing.T) {
	fast := newScanner(t, Policy{})
	plain := newScanner(t, Policy{})
	for i, r := range plain.rules {
		c := *r
		c.pf, c.opBytes = nil, nil
		c.allow = plainAllow(r.allow)
		plain.rules[i] = &c
	}
	rs := *plain.rs
	rs.global = plainAllow(rs.global)
	plain.rs = &rs

	rnd := rand.New(rand.NewPCG(10, 11))
	var texts []string
	for _, r := range fast.rules {
		texts = append(texts, samples(t, rnd, r, 20)...)
	}
	texts = append(texts, corpus(64<<10), "GITHUB_TOKEN="+githubPAT()+"\naws_secret_access_key = "+awsSecret()+"\n"+privateKeyPEM())
	found := 0
	for _, text := range texts {
		got, want := fast.Find(text), plain.Find(text)
		if !slices.Equal(got, want) {
			t.Fatalf("on %q:\n got %+v\nwant %+v", text, got, want)
		}
		found += len(got)
	}
	if found < len(texts)/4 {
		t.Fatalf("only %d findings in %d texts: the comparison is weak", found, len(texts))
	}
}

// plainAllow is a copy of lists whose expressions run whole.
func plainAllow(lists []*allowList) []*allowList {
	out := make([]*allowList, len(lists))
	for i, l := range lists {
		c := *l
		c.regexes = nil
		for _, ar := range l.regexes {
			c.regexes = append(c.regexes, &allowRegex{re: ar.re})
		}
		out[i] = &c
	}
	return out
}

// Scanning the halves of a long text at once finds what one walk finds.
func TestScanLongIsScan(t *testing.T) {
	s := newScanner(t, Policy{})
	rnd := rand.New(rand.NewPCG(12, 13))
	words := append([]string{" ", "\n", "x", "é"}, s.kw.keywords...)
	var tmp []hit
	for range 300 {
		var b strings.Builder
		n := rnd.IntN(3 * minSplit)
		for b.Len() < n {
			b.WriteString(words[rnd.IntN(len(words))])
		}
		text := b.String()
		want := s.kw.scan(text, nil)
		var got []hit
		got, tmp = s.kw.scanLong(text, nil, tmp)
		if !slices.Equal(got, want) {
			t.Fatalf("%d bytes: %d hits, want %d", len(text), len(got), len(want))
		}
	}
}
