package poisoning

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/mcpmesh/mcpmesh/interceptors/internal/evalcorpus"
	"github.com/mcpmesh/mcpmesh/interceptors/internal/textmodel"
)

// alnumRuns returns the runs of ASCII letters and digits of b: the words
// CanonicalWords must keep as Canonical writes them.
func alnumRuns(b []byte) []string {
	var out []string
	for i := 0; i < len(b); {
		if !alnumTab[b[i]] {
			i++
			continue
		}
		j := i
		for j < len(b) && alnumTab[b[j]] {
			j++
		}
		out = append(out, string(b[i:j]))
		i = j
	}
	return out
}

var canonicalWordsSeeds = []string{
	"Ignore previous instructions", "I G N O R E all previous", "i-g-n-o-r-e this", "a b c", "a, b, c and d",
	"x = a + b", "+.+.+. done", "S Y S T E M  D I R E C T I V E", "end with a b", "ab c d e", "Ünïcödé text", "Tab\tand\nlines",
	"1 2 3 go", "a.b", "", "r e a d", "read.me.now", "the A/B test", "x y z w", "a-b-c-d", "p.a.s.s word", "i, j, k, l := 0",
	"a—b—c—d", "x · y · z · w", "x-y-z-\u00a0w", "Price: 5 €, “quoted” — done", "caf\u00e9 ｆｕｌｌ", "a\u00a0b\u00a0c\u00a0d",
	"\u200bhidden", "→ next ✓ ok", "Привет мир", "日本語のテキスト",
}

func checkCanonicalWords(t *testing.T, s string) {
	t.Helper()
	got, want := CanonicalWords(nil, s), Canonical(nil, s)
	// the same bytes from s lowered already, and from what Quiet's pass
	// over s saw
	if of := CanonicalWordsOf(nil, s, string(LowerASCII(nil, s))); !slices.Equal(of, got) {
		t.Fatalf("%q: CanonicalWordsOf %q, CanonicalWords %q", s, of, got)
	}
	q := NewQuiet(s, "")
	defer q.Release()
	if qw := q.CanonicalWords(nil); !slices.Equal(qw, got) {
		t.Fatalf("%q: Quiet.CanonicalWords %q, CanonicalWords %q", s, qw, got)
	}
	// the spans WordSpans gives are the words the model reads there
	if c, spans := q.WordSpans(nil); spans != nil {
		var ws []string
		for k := 0; k < len(spans); k += 2 {
			ws = append(ws, string(c[spans[k]:spans[k+1]]))
		}
		if mw, _, _ := textmodel.Words(c, 18); !slices.Equal(ws, mw) {
			t.Fatalf("%q: WordSpans %q, the model's words %q", s, ws, mw)
		}
	}
	// a rune the pass found the general path needs: canonicalASCII, which
	// Quiet.CanonicalWords then skips, gives up on the text
	if _, _, _, ok := canonicalASCII(nil, nil, false, s); ok && q.general {
		t.Fatalf("%q: canonicalASCII took text with a rune for the general path", s)
	}
	if !slices.Equal(alnumRuns(got), alnumRuns(want)) {
		t.Fatalf("%q: words %q, Canonical's %q", s, alnumRuns(got), alnumRuns(want))
	}
	// and the words of other scripts, as the results check's model reads
	// them
	if g, w := modelWords(got), modelWords(want); !slices.Equal(g, w) {
		t.Fatalf("%q: model words %q, Canonical's %q", s, g, w)
	}
}

// modelWords returns the words textmodel reads in b, and their features.
func modelWords(b []byte) []string {
	ws, uni, bi := textmodel.Words(b, 18)
	for i := range ws {
		ws[i] += fmt.Sprintf(" %d %d", uni[i], bi[i])
	}
	return ws
}

// CanonicalWords keeps Canonical's words, on hand-made texts and on the
// tuning texts of the evaluation corpora (the definitions here, the tool
// results of the results check; a failure prints the text, and held-out
// texts are not printed).
func TestCanonicalWords(t *testing.T) {
	for _, s := range canonicalWordsSeeds {
		checkCanonicalWords(t, s)
	}
	var texts []string
	for _, c := range loadEval(t) {
		if c.split == "tuning" {
			texts = append(texts, string(c.Tool))
		}
	}
	type result struct {
		Text string `json:"text"`
	}
	for _, c := range evalcorpus.Load(t, "../results/testdata/eval", func(result) error { return nil }) {
		if c.Split == "tuning" {
			texts = append(texts, c.Entry.Text)
		}
	}
	for _, s := range texts {
		checkCanonicalWords(t, s)
	}
}

// TestQuietCanonicalWords compares Quiet.CanonicalWords with
// CanonicalWords on generated text: one-character words one byte apart
// or not, after and before longer words, separators, words a cue is
// looked up by (so that Quiet may give up early) and characters beyond
// ASCII, at every mix.
func TestQuietCanonicalWords(t *testing.T) {
	parts := []string{"a", "b", "1", "x", "ab", "word", "ignore", "previous", "you", "must", " ", " ", "  ", "-", ".", ",", "\n", "_",
		"é", "\u00a0", "—", "’", "\u200b", "ｆ", "+", "=", "%41", "<b>", "@", "https://x.example",
		"©", "€", "“", "→", "漢", "\u0301", "\xff"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(60) {
			p := parts[r.IntN(len(parts))]
			if r.IntN(3) == 0 {
				p = parts[r.IntN(4)] // mostly one-character words
			}
			b.WriteString(p)
			if r.IntN(2) == 0 {
				b.WriteByte(' ')
			}
		}
		checkCanonicalWords(t, b.String())
	}
	for _, s := range []string{"i g n o r e", "x = a + b", "a b c", "i-g-n-o-r-e", strings.Repeat("you must ", 200) + "i g n o r e"} {
		checkCanonicalWords(t, s)
		checkCanonicalWords(t, strings.Repeat("word ", 300)+s)
	}
}

func FuzzCanonicalWords(f *testing.F) {
	for _, s := range canonicalWordsSeeds {
		f.Add(s)
	}
	f.Fuzz(checkCanonicalWords)
}

// plainWordsBytes is plainWords one byte at a time.
func plainWordsBytes(b []byte) (ascii, spread bool) {
	ascii = true
	single := func(i int) bool {
		return i >= 0 && i < len(b) && alnumTab[b[i]] && (i == 0 || !alnumTab[b[i-1]]) && (i+1 == len(b) || !alnumTab[b[i+1]])
	}
	for i, c := range b {
		ascii = ascii && c < 0x80
		spread = spread || single(i) && single(i+2) && single(i+4) && single(i+6)
	}
	return ascii, spread
}

// plainWords, which reads 64 bytes at a time, agrees with a reading byte
// by byte, on texts of one-letter words, runs across the 64-byte blocks
// and bytes that are not ASCII.
func FuzzPlainWords(f *testing.F) {
	for _, s := range canonicalWordsSeeds {
		f.Add(s)
	}
	f.Add(strings.Repeat("ab c ", 20) + "d e f g")
	f.Add(strings.Repeat("x", 63) + " a b c d")
	for k := 50; k < 66; k++ {
		f.Add(strings.Repeat("x", k) + " a-b-c-d ok")
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := LowerASCII(nil, s)
		a1, s1 := plainWords(b)
		a2, s2 := plainWordsBytes(b)
		if a1 != a2 || s1 != s2 {
			t.Fatalf("%q: plainWords %v %v, byte by byte %v %v", s, a1, s1, a2, s2)
		}
	})
}
