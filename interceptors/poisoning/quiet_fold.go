package poisoning

import (
	"bytes"
	"unsafe"
)

// foldChunk reads the chunk s[from:end], which holds a rune beyond ASCII
// the fold changes (a letter with an accent, a mark, a hidden character,
// a compatibility form, a letter of another script: runeOther), from the
// fold itself, where that is exact, and reports whether it did; otherwise
// the caller keeps the chunk's windows from being silent, as for every
// such chunk before. at is the first such rune; nws and ncands are the
// counts of words and candidates before the chunk.
//
// The fold of a text is the folds of its pieces cut at bytes of plainTab
// (foldRunes), and a window holds a chunk whole, so the chunk's words in
// the text ScoreText reads are the words of the chunk's fold (words):
// "précède" is "precede", "naïve" "naive", "…" "...", "ig\u200bnore"
// "ignore". The fold is written over the chunk in w, at its offsets, the
// rest of the chunk blank (a fold read so is never longer), and each of
// its words noted and tested for cues as any other (addWord). Only a fold
// that is that simple is read so:
//
//   - no Han, kana or Hangul (their cues are read by a search of the
//     text, not by words: cjkFound) and no run that may be encoded
//     (decodeAll); look-alike letters mapped and hidden characters
//     dropped give the spelling signal, which scores nothing alone
//     (score): their words are read as the fold writes them;
//   - no ASCII punctuation some signal starts from (markTab): the fold
//     writes no byte that the pass would have had to mark;
//   - no ASCII letter or digit alone between blanks or beside a
//     separator (joinable), but for a fold that is one letter between
//     blanks: letters spread out are joined by the fold's squeeze across
//     words ("i g n ò r e", "i-g-n-ò-r-e"), and the pass counts them in
//     the text's offsets (alnum), which the fold's shorter letters keep
//     only where the letter is the whole fold; one between other bytes
//     ("josé's") joins nothing;
//   - no "http" or "https" ending the fold before a ':': the pass reads
//     them back from a ':' in t, which the fold may spell ("httpś://").
func (q *Quiet) foldChunk(from, at, end, nws, ncands int) bool {
	// (what the fold costs is spent only where it may clear a window: on
	// a chunk of a few words that opens with no Han, kana or Hangul, in
	// text not mostly of chunks it could not read, which dense gives up
	// on; a Chinese line without a blank is one chunk)
	if end-from > foldChunkMax || q.others*2 > len(q.ws)+foldChunksFree {
		return false
	}
	if c := q.s[at]; c >= 0xe3 && c <= 0xed {
		// U+3000 to U+DFFF (kana, Han, Hangul): their cues are substrings,
		// found in a window's whole fold (cjkFound), not by its words
		return false
	}
	f, flags := foldRunes(q.folded[:0], q.s[from:end])
	q.folded = f
	if flags&(flagCJK|flagEncodedRun) != 0 || len(f) > end-from {
		return false
	}
	if end < len(q.t) && q.t[end] == ':' && (bytes.HasSuffix(f, []byte("http")) || bytes.HasSuffix(f, []byte("https"))) {
		return false
	}
	for _, c := range f {
		if markTab[c] {
			return false
		}
	}
	var before, after byte // the fold's bytes either side of f (0: none)
	if from > 0 {
		before = lowerTab[q.s[from-1]]
	}
	if end < len(q.s) {
		after = lowerTab[q.s[end]]
	}
	single := false
	if joinable(f, before, after) {
		// a letter alone between blanks, as Russian's "с" and "в" and
		// French's "à" are, is read as alnum reads an ASCII one, at the
		// fold's offsets: its run of letters spread out ends at the
		// chunk's end, where the fold's blanks begin. (A letter before
		// the rune, "c" of "c\u0327", alnum has read already.) Beside a
		// separator, or with more in the fold, the chunk is read whole.
		readAlready := at == from+1 && alnumTab[q.t[from]]
		if len(f) != 1 || separatorTab[before] || separatorTab[after] || at != from && !readAlready {
			return false
		}
		single = true
		if !readAlready {
			q.alnum(from, from+1)
		}
	}
	if unsafe.StringData(q.w) == unsafe.StringData(q.t) {
		// the first such chunk of the text: w becomes a copy of t
		q.wbuf = append(q.wbuf[:0], q.low...)
		q.wlow = q.wbuf
		q.w = unsafe.String(unsafe.SliceData(q.wbuf), len(q.wbuf))
	}
	w := q.wbuf[:len(q.s)]
	copy(w[from:], f)
	for k := from + len(f); k < end; k++ {
		w[k] = ' '
	}
	// the words read from the chunk up to the rune are read again, from
	// the fold, and count for dense as any other words
	q.ws, q.cands, q.candAt, q.candState = q.ws[:nws], q.cands[:ncands], q.candAt[:ncands], q.candState[:ncands]
	q.foldSpans = words(unsafe.String(unsafe.SliceData(f), len(f)), q.foldSpans[:0])
	for _, sp := range q.foldSpans {
		q.addWord(from+sp.start, from+sp.end)
	}
	if single {
		q.lastSingle = end
	}
	return true
}

// foldChunk reads a chunk of at most foldChunkMax bytes, and only while
// the chunks it was called for number at most half the words read and
// foldChunksFree more.
const (
	foldChunkMax   = 64
	foldChunksFree = 8
)

// joinable reports a run of one ASCII letter or digit in f that squeeze
// may join with others: one with a letter separator (separatorTab) beside
// it, or blanks on both sides, before and after being the bytes either
// side of f (0: none, read as a blank: a window starts and ends at
// blanks). Every letter squeeze joins is so (joinSeparated: the separator
// after the first letter of a run, before the others; letterSpaced: a
// blank or an end either side).
func joinable(f []byte, before, after byte) bool {
	for i, c := range f {
		if !alnumTab[c] || i+1 < len(f) && alnumTab[f[i+1]] || i > 0 && alnumTab[f[i-1]] {
			continue
		}
		p, n := before, after
		if i > 0 {
			p = f[i-1]
		}
		if i+1 < len(f) {
			n = f[i+1]
		}
		if separatorTab[p] || separatorTab[n] || (p == ' ' || p == 0) && (n == ' ' || n == 0) {
			return true
		}
	}
	return false
}
