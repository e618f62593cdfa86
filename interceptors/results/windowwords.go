package results

// windowWords tells whether one of its words lies in windows of t that
// move forward, as containsAny(t[lo:hi], words...) does: it reads the
// first few windows so, then keeps each word's next occurrence (nearby).
// An anchor repeated all through a text ("emulate " for 256 KB) would
// have its window read for each word at each; a text with a few anchors
// is not read to its end for a word it lacks.
type windowWords struct {
	t     string
	words wordList
	n     int // windows read so far
	near  *nearby
}

// windowsDirect is how many windows windowWords reads directly.
const windowsDirect = 8

// in reports whether one of the words lies in t[lo:hi].
func (w *windowWords) in(lo, hi int) bool {
	if w.n < windowsDirect {
		w.n++
		return w.words.in(w.t[lo:hi])
	}
	if w.near == nil {
		w.near = newNearby(w.t, w.words.words...)
	}
	return w.near.in(lo, hi)
}
