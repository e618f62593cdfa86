package results

import (
	"math/rand"
	"strings"
	"testing"
)

// TestWordFinderIsContainsAny compares each wordFinder of the word lists
// and of the readings' own finders with containsAny on its words: on every word of the list and the word cut
// short or changed in its second byte's high bits (the table reads the low
// six), in spans of the tuning texts, and on random text over the lists'
// bytes.
func TestWordFinderIsContainsAny(t *testing.T) {
	lists := []wordList{arrivalWords, guardedVerbs, guardedWhose, sentenceMarks, harmAimStems, pretendNouns, withheldStems, payStems,
		fakeFaultNear, answerCutNear, textBeforeNeeds, textBeforeNamed, orderStems, powersWords, failLineNouns, failLineVerbs}
	var finders []*wordFinder
	for _, l := range lists {
		if l.find != nil {
			finders = append(finders, l.find)
		}
	}
	if len(finders) != 15 {
		t.Errorf("%d finders, want 15 (a list with a word of one byte has none)", len(finders))
	}
	var texts []string
	for _, e := range loadEval(t) {
		if e.split != "heldout" {
			texts = append(texts, lowerASCII(e.Text))
		}
	}
	rng := rand.New(rand.NewSource(1))
	all := []*wordFinder{flagWordsFind, piecesJoinedFind, talkWordsFind, whoseDataFind, blankDefinesFind, fillWithUserFind, consentNounsFind}
	for _, f := range finders {
		all = append(all, f)
	}
	for _, g := range gatedRes {
		if g.find != nil {
			all = append(all, g.find)
		}
	}
	for _, f := range all {
		check := func(s string) {
			t.Helper()
			if got, want := f.in(s), containsAny(s, f.words...); got != want {
				t.Fatalf("%v: in(%q) = %v, containsAny %v", f.words, s, got, want)
			}
		}
		var alphabet []byte
		for _, w := range f.words {
			check(w)
			check("x " + w + " y")
			check(w[:len(w)-1])
			check(w[1:])
			check(w[:1] + string(w[1]^64) + w[2:])
			check(w[:1] + string(w[1]^128) + w[2:])
			alphabet = append(alphabet, w...)
		}
		alphabet = append(alphabet, ' ', 'x', 0xff)
		for range 20000 {
			b := make([]byte, rng.Intn(24))
			for i := range b {
				b[i] = alphabet[rng.Intn(len(alphabet))]
			}
			check(string(b))
		}
		for _, s := range texts {
			for off := 0; off < len(s); off += 200 {
				check(s[off:min(len(s), off+400)])
			}
		}
	}
	if newWordFinder([]string{"ab", "c"}) != nil || newWordFinder(strings.Fields(strings.Repeat("ab ", 256))) != nil {
		t.Error("a finder for a word of one byte or for more than 255 words")
	}
}

// TestWordListWithoutFinder checks that a list with a word of one byte,
// which has no finder, is read by containsAny.
func TestWordListWithoutFinder(t *testing.T) {
	if sentenceMarks.find != nil {
		t.Fatal("sentenceMarks has a finder")
	}
	if !sentenceMarks.in("no mark but this.") || sentenceMarks.in("no mark at all") {
		t.Error("sentenceMarks.in is not containsAny over its marks")
	}
}
