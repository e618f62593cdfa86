// Package textmodel is a small linear classifier of instructions aimed
// at a model: logistic regression over hashed words, pairs of words and
// character n-grams of a text in the poisoning check's canonical form
// (the caller normalises: this package does not import the checks). A
// long text is read in overlapping windows of words and scored by its
// highest window, since an injection is a few sentences somewhere in a
// page.
//
// The generator in ./train learns a model from the tuning split of a
// check's evaluation corpus and writes it in the format Decode reads.
package textmodel

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/mcpmesh/mcpmesh/interceptors/internal/wordbytes"
)

// Model is a trained classifier.
type Model struct {
	Bits   uint // the feature space has 1<<Bits buckets
	Chars  bool // character 3- to 5-grams as well as words and bigrams
	Window int  // words per window (windows overlap by half)
	// Address adds the features of address of the text's first and last
	// sentences (address.go)
	Address bool
	Bias    float32 // intercept
	Scale   float32 // a weight is Scale * W[i]
	// Threshold is the score from which a text is flagged, chosen on the
	// tuning split with the lexical checks beside it.
	Threshold float32
	W         []int16
}

const magic = "MTMODEL1"

// Encode writes m in the format Decode reads: the magic, the shape, then
// the weights, little-endian.
func (m *Model) Encode() []byte {
	b := []byte(magic)
	var flags byte
	if m.Chars {
		flags |= 1
	}
	if m.Address {
		flags |= 2
	}
	b = append(b, byte(m.Bits), flags)
	b = binary.LittleEndian.AppendUint16(b, uint16(m.Window))
	for _, f := range []float32{m.Bias, m.Scale, m.Threshold} {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(f))
	}
	for _, w := range m.W {
		b = binary.LittleEndian.AppendUint16(b, uint16(w))
	}
	return b
}

// Decode reads a model Encode wrote.
func Decode(b []byte) (*Model, error) {
	const head = len(magic) + 4 + 12
	if len(b) < head || string(b[:len(magic)]) != magic {
		return nil, errors.New("textmodel: not a model file")
	}
	m := &Model{Bits: uint(b[len(magic)]), Chars: b[len(magic)+1]&1 != 0, Address: b[len(magic)+1]&2 != 0, Window: int(binary.LittleEndian.Uint16(b[len(magic)+2:]))}
	if m.Bits < 8 || m.Bits > 24 || m.Window < 2 {
		return nil, fmt.Errorf("textmodel: bad shape: %d bits, window %d", m.Bits, m.Window)
	}
	f := func(i int) float32 { return math.Float32frombits(binary.LittleEndian.Uint32(b[len(magic)+4+4*i:])) }
	m.Bias, m.Scale, m.Threshold = f(0), f(1), f(2)
	if len(b) != head+2<<m.Bits {
		return nil, fmt.Errorf("textmodel: %d bytes for %d buckets", len(b), 1<<m.Bits)
	}
	m.W = make([]int16, 1<<m.Bits)
	for i := range m.W {
		m.W[i] = int16(binary.LittleEndian.Uint16(b[head+2*i:]))
	}
	return m, nil
}

// Text is the features of a text: for each word of its canonical form,
// the word's bucket, that of the word with the one before it (the first
// word pairs with the text's start) and, with character n-grams, those of
// the word's 3- to 5-grams.
type Text struct {
	Feats []uint32
	Ends  []int32 // Ends[i]: the number of features of words 0..i
}

// Span returns the features of words [a, b).
func (t *Text) Span(a, b int) []uint32 {
	if b == 0 {
		return nil
	}
	start := int32(0)
	if a > 0 {
		start = t.Ends[a-1]
	}
	return t.Feats[start:t.Ends[b-1]]
}

// Words is the number of words of t.
func (t *Text) Words() int { return len(t.Ends) }

// Features sets t to the features of the canonical text buf (for a model
// of bits buckets, with character n-grams if chars).
func Features(t *Text, buf []byte, bits uint, chars bool) {
	FeaturesOf(t, buf, &Model{Bits: bits, Chars: chars})
}

// FeaturesOf sets t to the features of the canonical text buf for the
// model shape of m (its Bits, Chars and Address).
func FeaturesOf(t *Text, buf []byte, m *Model) {
	t.Feats, t.Ends = t.Feats[:0], t.Ends[:0]
	shift := 32 - m.Bits
	var extra []addrFeature
	if m.Address {
		var cnt addrCounts
		n := 0
		words(buf, func(h uint32, i, j int) { cnt.add(h); n++ })
		extra = addressFeatures(nil, buf, n, &cnt, shift)
	}
	prev := startHash
	words(buf, func(h uint32, i, j int) {
		t.Feats = append(t.Feats, mix(h)>>shift, bigram(prev, h)>>shift)
		prev = h
		if m.Chars && j-i <= 24 {
			t.Feats = appendGrams(t.Feats, buf[i:j], shift)
		}
		for _, e := range extra {
			if e.word == len(t.Ends) {
				t.Feats = append(t.Feats, e.bucket)
			}
		}
		t.Ends = append(t.Ends, int32(len(t.Feats)))
	})
}

// appendGrams appends the buckets of the 3-, 4- and 5-grams of the word w
// with a mark at each end ("^ign", "ignor", "ore$").
func appendGrams(dst []uint32, w []byte, shift uint) []uint32 {
	var pad [26]byte
	p := padded(&pad, w)
	for i := 0; i+3 <= len(p); i++ {
		h := gramSeed
		for k := i; k < i+5 && k < len(p); k++ {
			h = (h ^ uint32(p[k])) * 16777619
			if k-i >= 2 {
				dst = append(dst, mix(h)>>shift)
			}
		}
	}
	return dst
}

const gramSeed = uint32(2166136261) ^ 0x27d4eb2f

// padded returns w between the marks of a word's ends, in pad.
func padded(pad *[26]byte, w []byte) []byte {
	pad[0] = '^'
	n := copy(pad[1:], w)
	pad[n+1] = '$'
	return pad[:n+2]
}

// gramSum adds the weights of the n-grams of w to acc and their number
// to n: appendGrams without the slice, for Score.
func gramSum(wt []int16, w []byte, shift uint, acc int64, n int32) (int64, int32) {
	var pad [26]byte
	p := padded(&pad, w)
	const prime = 16777619
	// each start's 3-gram, then its 4- and 5-gram as far as the word goes
	// (the loop of appendGrams, unrolled)
	for i := 0; i+3 <= len(p); i++ {
		h := ((gramSeed^uint32(p[i]))*prime ^ uint32(p[i+1])) * prime
		h = (h ^ uint32(p[i+2])) * prime
		acc += int64(wt[mix(h)>>shift])
		if i+4 > len(p) {
			continue
		}
		h = (h ^ uint32(p[i+3])) * prime
		acc += int64(wt[mix(h)>>shift])
		if i+5 > len(p) {
			continue
		}
		h = (h ^ uint32(p[i+4])) * prime
		acc += int64(wt[mix(h)>>shift])
	}
	// as many n-grams as appendGrams lists: len-2 3-grams, len-3 4-grams
	// and len-4 5-grams (the word is at least one letter: len(p) >= 3)
	k := int32(len(p))
	return acc, n + (k - 2) + max(k-3, 0) + max(k-4, 0)
}

// Words returns the words of the canonical text buf as Features reads
// them, each with the buckets of its two word features, for naming the
// weights of a model.
func Words(buf []byte, bits uint) (ws []string, uni, bi []uint32) {
	shift := 32 - bits
	prev := startHash
	words(buf, func(h uint32, i, j int) {
		ws = append(ws, string(buf[i:j]))
		uni, bi = append(uni, mix(h)>>shift), append(bi, bigram(prev, h)>>shift)
		prev = h
	})
	return ws, uni, bi
}

// Grams returns the character n-grams of a word as Features reads them
// ("^ig", "^ign", … "re$"), with their buckets, for naming weights.
func Grams(w string, bits uint) (gs []string, buckets []uint32) {
	if len(w) > 24 {
		return nil, nil
	}
	buckets = appendGrams(nil, []byte(w), 32-bits)
	p := "^" + w + "$"
	for i := 0; i+3 <= len(p); i++ {
		for k := i + 3; k <= i+5 && k <= len(p); k++ {
			gs = append(gs, p[i:k])
		}
	}
	return gs, buckets
}

// startHash stands for the start of the text, the word before the first.
const startHash = uint32(0x2545f491)

func bigram(prev, h uint32) uint32 { return mix(prev*0x9e3779b1 ^ h ^ 0x85ebca6b) }

// words calls f with the hash and span of each word of the canonical text
// buf: a run of ASCII letters and digits (every number reads as one word,
// and so does every run longer than 24, a hash or base64), a run of
// letters of another script, or one Han, kana or Hangul character.
func words(buf []byte, f func(h uint32, start, end int)) {
	for i := 0; i < len(buf); {
		c := buf[i]
		if c < utf8.RuneSelf {
			if !alnum[c] {
				i++
				continue
			}
			j, digits := i, true
			h := uint32(2166136261) // FNV-1a
			for ; j < len(buf) && alnum[buf[j]]; j++ {
				h = (h ^ uint32(buf[j])) * 16777619
				digits = digits && buf[j] <= '9'
			}
			switch {
			case digits:
				h = 0x1b873593
			case j-i > 24:
				h = 0x5bd1e995
			}
			f(h, i, j)
			i = j
			continue
		}
		r, n := utf8.DecodeRune(buf[i:])
		switch {
		case !unicode.IsLetter(r):
			i += n
		case ideographic(r):
			f(uint32(r)*0xcc9e2d51, i, i+n)
			i += n
		default:
			start := i
			h := uint32(2166136261)
			for i < len(buf) {
				r, n := utf8.DecodeRune(buf[i:])
				if r < utf8.RuneSelf && !alnum[r] || r >= utf8.RuneSelf && (!unicode.IsLetter(r) || ideographic(r)) {
					break
				}
				for _, b := range buf[i : i+n] {
					h = (h ^ uint32(b)) * 16777619
				}
				i += n
			}
			f(h, start, i)
		}
	}
}

// nextWord returns the hash and span of the first word of buf that starts
// at i or after, as words reads it, or start < 0 when there is none. It is
// words as a plain function for Score's loop: a callback there made every
// variable of the loop a load and a store through the closure, for each
// word. (words stays as it was, the reference the tests compare it with.)
func nextWord(buf []byte, i int) (h uint32, start, end int) {
	for i < len(buf) {
		c := buf[i]
		if c < utf8.RuneSelf {
			if !alnum[c] {
				i++
				continue
			}
			j := i
			h = uint32(2166136261) // FNV-1a
			for ; j < len(buf) && alnum[buf[j]]; j++ {
				h = (h ^ uint32(buf[j])) * 16777619
			}
			// a number only if it starts with a digit: most words are
			// not read twice
			switch {
			case c <= '9' && allDigits(buf[i:j]):
				h = 0x1b873593
			case j-i > 24:
				h = 0x5bd1e995
			}
			return h, i, j
		}
		r, n := decodeRune(buf, i)
		// (unicode.IsLetter and ideographic, from a table: kindOf)
		switch kindOf(r) {
		case runeOther:
			i += n
		case runeIdeo:
			return uint32(r) * 0xcc9e2d51, i, i + n
		default:
			start := i
			h = uint32(2166136261)
			for i < len(buf) {
				r, n := decodeRune(buf, i)
				if r < utf8.RuneSelf && !alnum[r] || r >= utf8.RuneSelf && kindOf(r) != runeLetter {
					break
				}
				for _, b := range buf[i : i+n] {
					h = (h ^ uint32(b)) * 16777619
				}
				i += n
			}
			return h, start, i
		}
	}
	return 0, -1, -1
}

// decodeRune is utf8.DecodeRune(buf[i:]) for i < len(buf), the runes of
// two and three bytes of most scripts decoded inline (the call to the
// general decoder cost about as much as the rest of nextWord's turn).
func decodeRune(buf []byte, i int) (rune, int) {
	switch c := buf[i]; {
	case c >= 0xC2 && c < 0xE0 && i+1 < len(buf) && buf[i+1]&0xC0 == 0x80:
		return rune(c&0x1F)<<6 | rune(buf[i+1]&0x3F), 2
	case c > 0xE0 && c < 0xF0 && c != 0xED && i+2 < len(buf) && buf[i+1]&0xC0 == 0x80 && buf[i+2]&0xC0 == 0x80:
		return rune(c&0x0F)<<12 | rune(buf[i+1]&0x3F)<<6 | rune(buf[i+2]&0x3F), 3
	}
	return utf8.DecodeRune(buf[i:])
}

// allDigits reports whether w, letters and digits, is all digits.
func allDigits(w []byte) bool {
	for _, c := range w {
		if c > '9' {
			return false
		}
	}
	return true
}

var alnum = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
	}
	return t
}()

// blank marks the ASCII bytes that are not part of a word.
var blank = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = !alnum[c]
	}
	return t
}()

func ideographic(r rune) bool {
	// none of the four scripts has a letter below U+1100 (Hangul Jamo,
	// the first of them): the letters of Latin, Greek, Cyrillic, Arabic,
	// Hebrew and the Indic scripts are told so without reading the four
	// tables, a fifth of the model's cost on such text
	return r >= ideographicFirst && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// ideographicFirst is the first rune of the scripts ideographic reads.
const ideographicFirst = 0x1100

// mix is murmur3's finaliser: every input bit moves every output bit, so
// the top bits make a good bucket.
func mix(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	h *= 0xc2b2ae35
	h ^= h >> 16
	return h
}

// Windows calls f with the word span [start, end) of each window of a text
// of n words: the whole text if it fits in one, else windows of size words
// every size/2 words, the last one ending at the text's end.
func Windows(n, size int, f func(start, end int)) {
	if n <= size {
		f(0, n)
		return
	}
	step := size / 2
	for s := 0; ; s += step {
		if s+size >= n {
			f(n-size, n)
			return
		}
		f(s, s+size)
	}
}

// Norm is the factor of a window's weight sum: each of its n features
// counts as 1/sqrt(n), so that a short text and a full window weigh alike.
func Norm(n int) float64 {
	if n == 0 {
		return 0
	}
	return 1 / math.Sqrt(float64(n))
}

type scratch struct {
	// the weight and the number of features of the first i words (one
	// slice, not two: one append a word)
	prefix []prefixSum
	// words remembers what a word weighs without the word before it (its
	// own bucket and its n-grams), and its hash, for the model it was read
	// with: most words of a text come again and again.
	model *Model
	words [wordCache]cachedWord
	// the features of address (address.go)
	cnt   addrCounts
	extra []addrFeature
	// cnt counts the words of prefix already (ScoreSpans), until
	// addressFeatures reads it
	counted bool
	// the words of Score's text (wordSpans)
	spanBuf []int32
	// the words of the text being scored, Score's or ScoreSpans' caller's,
	// for the features of address while it is scored (nil after, and
	// when scoreEach scores it)
	spans []int32
}

// wordCache is the number of words remembered, a power of two. (With
// 4096 slots, 160 KB, 85% of the words of the results corpus's benign
// texts are found there, against 76% with 1024 and 88% with 8192: the
// n-grams of a third fewer words are summed again than with 1024.) With
// 16,384 slots, 640 KB, about 93% of those texts' words are found, against
// 88% with 4,096 and 91% with 8,192 in December 2026: a word missed costs
// its key, its hash and a call, some 230 instructions with the shipped
// model, and the pass of the results check's benign texts 14.6 M
// instructions fewer than with 4,096 (8.0 M with 8,192). The larger table
// costs few more misses of the processor's caches: cachegrind's simulation
// of a 512 KB second level counts some 60,000 more a pass, a few million
// cycles at most against the 14.6 M instructions.
const wordCache = 1 << wordCacheBits

const wordCacheBits = 14

// cachedWord is a word of at most 24 bytes, as wordKey packs it, with its
// hash, its weight and its number of features; a zero key is an empty slot
// (a word has at least one byte, and none is zero).
type cachedWord struct {
	k0, k1, k2 uint64
	// the word's own weight and number of features and its hash, as
	// prefix holds them: copied there whole, sixteen bytes (the struct
	// is forty bytes, as with the three fields of four bytes it had)
	own prefixSum
}

type prefixSum struct {
	sum int64
	n   int32
	h   uint32 // the word's hash (in what would be padding): ScoreSpans' second loop and address.go read it
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Score returns the score of the canonical text buf: the highest of its
// windows. A text is flagged when its score reaches m.Threshold. It adds
// up the weights of the features as Features would list them, without
// listing them.
//
// It finds the words first (wordSpans), then weighs them as ScoreSpans
// does: in one loop that finds a word and looks it up, every variable of
// the loop was kept on the stack around the calls that find a word beyond
// ASCII and look up one not in the cache.
func (m *Model) Score(buf []byte) float64 {
	if len(buf) > math.MaxInt32 {
		return m.scoreEach(buf) // (the spans are offsets of 32 bits)
	}
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	sc.spanBuf = wordSpans(sc.spanBuf[:0], buf)
	return m.scoreSpans(sc, buf, sc.spanBuf)
}

// wordSpans appends to spans the start and the end of each word of the
// canonical text buf, as words reads them: a run of ASCII letters and
// digits found eight bytes at a time, most of them with one load, any
// other word by nextWord.
func wordSpans(spans []int32, buf []byte) []int32 {
	for i := 0; ; {
		for uint(i) < uint(len(buf)) && blank[buf[i]] { // (i >= 0)
			i++
		}
		if uint(i) >= uint(len(buf)) {
			return spans
		}
		if buf[i] < utf8.RuneSelf {
			// a letter or a digit: the first byte is not blank
			j := -1
			if i <= len(buf)-8 {
				if nw := wordbytes.NotAlnum(binary.LittleEndian.Uint64(buf[i : i+8])); nw != 0 {
					j = i + bits.TrailingZeros64(nw)/8
				}
			}
			if j < 0 {
				j = wordbytes.AlnumEnd(buf, i+1)
			}
			spans = append(spans, int32(i), int32(j))
			i = j
			continue
		}
		_, start, end := nextWord(buf, i)
		if start < 0 {
			return spans
		}
		spans = append(spans, int32(start), int32(end))
		i = end
	}
}

// scoreEach is Score as it was before wordSpans: the words found and
// weighed in one loop. It scores a text too long for spans of 32 bits,
// and the tests compare Score with it.
//
// A word of ASCII letters and digits shorter than sixteen bytes, most
// words, is found with one or two loads of eight bytes and looked up in
// the cache by its bytes, hash and all; word reads every other word.
func (m *Model) scoreEach(buf []byte) float64 {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	shift := 32 - m.Bits
	wt := m.W
	prefix := append(sc.prefix[:0], prefixSum{})
	if sc.model != m {
		sc.model = m
		clear(sc.words[:])
	}
	var acc int64
	var n int32
	prev := startHash
	for i := 0; ; {
		// (compared unsigned, and the loads' bounds as i <= len(buf)-8:
		// the loads below need no test of their own)
		if i = skipBlanks(buf, i); uint(i) >= uint(len(buf)) { // (i == len(buf))
			break
		}
		var h uint32
		var sum int64
		var cnt int32
		hit := false
		if i <= len(buf)-8 {
			x := binary.LittleEndian.Uint64(buf[i : i+8])
			// the word ends within the eight bytes, and is ASCII (the
			// first byte is not ASCII if its top bit is set)
			if nw := wordbytes.NotAlnum(x); nw&0x80 == 0 && nw != 0 {
				z := bits.TrailingZeros64(nw)
				k0 := x & (1<<(z&^7) - 1)
				// (a cached key whose second word is zero is a word of
				// eight bytes at most: its third is zero too)
				if c := &sc.words[cacheSlot(k0, 0, 0)]; c.k0 == k0 && c.k1 == 0 {
					h, sum, cnt, hit = c.own.h, c.own.sum, c.own.n, true
					i += z / 8
				}
			} else if nw == 0 && i <= len(buf)-16 {
				// eight to fifteen bytes: two loads
				y := binary.LittleEndian.Uint64(buf[i+8 : i+16])
				if nw := wordbytes.NotAlnum(y); nw != 0 {
					z := bits.TrailingZeros64(nw)
					k1 := y & (1<<(z&^7) - 1)
					if c := &sc.words[cacheSlot(x, k1, 0)]; c.k0 == x && c.k1 == k1 && c.k2 == 0 {
						h, sum, cnt, hit = c.own.h, c.own.sum, c.own.n, true
						i += 8 + z/8
					}
				}
			}
		}
		if !hit {
			if h, sum, cnt, i = sc.word(buf, i); i < 0 {
				break
			}
		}
		acc += int64(wt[bigram(prev, h)>>shift]) + sum
		n += 1 + cnt
		prefix = append(prefix, prefixSum{acc, n, h})
		prev = h
	}
	sc.prefix = prefix
	sc.spans = nil // (the words are read again: addressFeatures)
	return m.best(buf, sc)
}

// best is the score of the highest window, from the prefix sums in
// sc.prefix and, when the model reads address, the features of address of
// buf (which read the words' hashes there).
func (m *Model) best(buf []byte, sc *scratch) float64 {
	prefix, wt := sc.prefix, m.W
	var extra []addrFeature
	if m.Address {
		sc.extra = sc.addressFeatures(buf, 32-m.Bits)
		extra = sc.extra
	}
	best := math.Inf(-1)
	Windows(len(prefix)-1, m.Window, func(a, b int) {
		sum, k := prefix[b].sum-prefix[a].sum, prefix[b].n-prefix[a].n
		for _, e := range extra {
			if e.word >= a && e.word < b {
				sum += int64(wt[e.bucket])
				k++
			}
		}
		best = max(best, float64(sum)*Norm(int(k)))
	})
	return float64(m.Bias) + float64(m.Scale)*best
}

// ScoreSpans is Score(buf) for a caller that has found the words of buf
// already: spans holds the start and the end of each, in order, and buf
// has no letter beyond ASCII, so that its words are exactly its runs of
// lower-case ASCII letters and digits. The checks' prefilter reads every
// word of most texts before the model does (poisoning.Quiet): this passes
// over the blanks and the search for each word's end a second time.
func (m *Model) ScoreSpans(buf []byte, spans []int32) float64 {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	return m.scoreSpans(sc, buf, spans)
}

// scoreSpans is ScoreSpans with sc, for a text whose words are those of
// spans: the words of a text beyond ASCII too (Score).
func (m *Model) scoreSpans(sc *scratch, buf []byte, spans []int32) float64 {
	if sc.model != m {
		sc.model = m
		clear(sc.words[:])
	}
	// two loops: the first finds each word's own weight (cachedSums,
	// with a call here when it is not in the cache); the second adds the
	// pairs' (in one loop, the variables of both were kept on the stack
	// around that call; with the pairs added in cachedSums' loop, which
	// calls nothing, its variables no longer fit in registers: 1.5 M
	// instructions a pass more). The sums are written by index: the
	// slicing of spans and the appends cost more than the words' keys.
	prefix := slices.Grow(sc.prefix[:0], len(spans)/2+1)[:len(spans)/2+1]
	prefix[0] = prefixSum{}
	var pairs [][2]int32
	if len(spans) >= 2 {
		pairs = unsafe.Slice((*[2]int32)(unsafe.Pointer(&spans[0])), len(spans)/2)
	}
	sums := prefix[1 : len(pairs)+1]
	for x := 0; ; x++ {
		var slot *cachedWord
		var k0, k1 uint64
		if x, slot, k0, k1 = cachedSums(sums, pairs, buf, &sc.words, x); x >= len(pairs) {
			break
		}
		sp := &pairs[x]
		i, j := int(uint32(sp[0])), int(uint32(sp[1]))
		var h uint32
		hashed := false
		if buf[i] >= utf8.RuneSelf {
			// a word beyond ASCII (Score), hashed as nextWord hashes it
			h, _, _ = nextWord(buf, i)
			hashed = true
		}
		if slot != nil {
			// keyed by cachedSums already
			sums[x] = sc.fill(slot, buf, i, j, k0, k1, 0, h, hashed)
			continue
		}
		h, sum, cnt := sc.lookup(buf, i, j, h, hashed)
		sums[x] = prefixSum{sum, cnt, h}
	}
	if m.Address {
		// the words' hashes counted for address in the same loop, not
		// in a second one over the prefix sums (addressFeatures)
		// (sc.cnt is all zeros: addressFeatures sets it back)
		addPairsCounting(prefix, m.W, 32-m.Bits, &sc.cnt)
		sc.counted = true
	} else {
		addPairs(prefix, m.W, 32-m.Bits)
	}
	sc.prefix = prefix
	sc.spans = spans
	v := m.best(buf, sc)
	sc.spans = nil
	return v
}

// cachedSums sets sums[x] to the own weight, the number of features and
// the hash of the word pairs[x] of buf, from x on, as long as the cache
// holds the word, and returns the first x whose word it does not hold (or
// len(pairs)). It calls nothing: with a call on the way (the look-up of a
// word not in the cache), the loop kept its variables on the stack around
// it, for every word; the caller looks that word up and calls it again
// from the next. For a word of up to sixteen bytes it keyed, it returns
// the word's slot and the first two words of its key too (the third is
// zero), for the caller to fill the slot without keying the word again;
// else slot is nil.
func cachedSums(sums []prefixSum, pairs [][2]int32, buf []byte, words *[wordCache]cachedWord, x int) (_ int, slot *cachedWord, k0, k1 uint64) {
	sums = sums[:len(pairs)]
	_ = words[0] // (the test of a nil pointer once, not at each word)
	for ; x < len(pairs); x++ {
		sp := &pairs[x]
		// offsets in buf, never negative: read as such, and the loads'
		// bounds as i <= len(buf)-8, the loads need no test of their own
		i, j := int(uint32(sp[0])), int(uint32(sp[1]))
		// the key of Score's cache is the word's bytes: one or two loads
		// of eight, masked to its length (from a table: a shift by a
		// variable costs a test of its range too)
		switch w := j - i; {
		case w <= 8 && i <= len(buf)-8:
			k0 := binary.LittleEndian.Uint64(buf[i:i+8]) & keyMask[w&15]
			// (a cached key whose second word is zero is a word of eight
			// bytes at most: its third is zero too)
			c := &words[cacheSlot(k0, 0, 0)]
			if c.k0 == k0 && c.k1 == 0 {
				sums[x] = c.own
				continue
			}
			return x, c, k0, 0
		case w <= 16 && i <= len(buf)-16:
			b := buf[i : i+16]
			k0 := binary.LittleEndian.Uint64(b[:8])
			k1 := binary.LittleEndian.Uint64(b[8:]) & keyMask[(w-8)&15]
			c := &words[cacheSlot(k0, k1, 0)]
			if c.k0 == k0 && c.k1 == k1 && c.k2 == 0 {
				sums[x] = c.own
				continue
			}
			return x, c, k0, k1
		}
		return x, nil, 0, 0
	}
	return x, nil, 0, 0
}

// addPairs turns the words' own weights and counts in prefix[1:] into the
// running sums of the text's features, each word's pair with the word
// before it (the first's with the text's start) added: the weight and the
// number of features of the first k words in prefix[k]. (In a function of
// its own, its few variables stay in registers: in ScoreSpans, after the
// loop with a call, it kept its sums on the stack, twenty more
// instructions a word.)
func addPairs(prefix []prefixSum, wt []int16, shift uint) {
	var acc int64
	var n int32
	prev := startHash
	shift &= 31 // (a shift of a uint32 by less than 32: no test of its range)
	for k := 1; k < len(prefix); k++ {
		p := &prefix[k]
		acc += int64(wt[bigram(prev, p.h)>>shift]) + p.sum
		n += 1 + p.n
		prev = p.h
		p.sum, p.n = acc, n
	}
}

// addPairsCounting is addPairs that also counts each word's hash in cnt,
// as addressFeatures counts them: one loop over the words rather than two.
func addPairsCounting(prefix []prefixSum, wt []int16, shift uint, cnt *addrCounts) {
	if shift == 32-fixedBits && len(wt) == len(fixedWeights{}) {
		addPairsCountingFixed(prefix, (*fixedWeights)(wt), cnt)
		return
	}
	var acc int64
	var n int32
	prev := startHash
	shift &= 31 // (a shift of a uint32 by less than 32: no test of its range)
	for k := 1; k < len(prefix); k++ {
		p := &prefix[k]
		acc += int64(wt[bigram(prev, p.h)>>shift]) + p.sum
		n += 1 + p.n
		prev = p.h
		cnt.add(prev)
		p.sum, p.n = acc, n
	}
}

// fixedBits is the shape of the shipped models' features (1<<18 buckets),
// for which the loops over every word have a version of their own: a
// bucket of a constant shift indexes an array of that length, with no
// test of its range and no shift by a variable.
const fixedBits = 18

type fixedWeights = [1 << fixedBits]int16

// addPairsCountingFixed is addPairsCounting for weights of fixedBits.
func addPairsCountingFixed(prefix []prefixSum, wt *fixedWeights, cnt *addrCounts) {
	var acc int64
	var n int32
	prev := startHash
	_, _ = wt[0], cnt[0] // (the tests of nil pointers once, not at each word)
	for k := 1; k < len(prefix); k++ {
		p := &prefix[k]
		h := p.h
		acc += int64(wt[bigram(prev, h)>>(32-fixedBits)]) + p.sum
		n += 1 + p.n
		prev = h
		cnt.add(h)
		p.sum, p.n = acc, n
	}
}

// word reads the word of buf that starts at i or after (nextWord), for
// Score: its hash, what it weighs without the word before it and its
// number of features (from the cache, or put there), and its end, or -1
// when there is no word.
func (sc *scratch) word(buf []byte, i int) (h uint32, sum int64, cnt int32, end int) {
	if buf[i] < utf8.RuneSelf {
		end = wordbytes.AlnumEnd(buf, i+1)
		h, sum, cnt = sc.lookup(buf, i, end, 0, false)
		return h, sum, cnt, end
	}
	h, start, end := nextWord(buf, i)
	if start < 0 {
		return 0, 0, 0, -1
	}
	h, sum, cnt = sc.lookup(buf, start, end, h, true)
	return h, sum, cnt, end
}

// lookup returns the hash of the word buf[start:end], what it weighs
// without the word before it and its number of features, from the cache
// or put there. h is its hash if hashed, else the word is ASCII letters
// and digits, hashed here only if needed.
func (sc *scratch) lookup(buf []byte, start, end int, h uint32, hashed bool) (uint32, int64, int32) {
	m := sc.model
	shift := 32 - m.Bits
	w := buf[start:end]
	if len(w) > 24 {
		if !hashed {
			h = asciiHash(w)
		}
		return h, int64(m.W[mix(h)>>shift]), 1
	}
	k0, k1, k2 := wordKey(buf, start, end)
	c := &sc.words[cacheSlot(k0, k1, k2)]
	if c.k0 != k0 || c.k1 != k1 || c.k2 != k2 {
		sc.fill(c, buf, start, end, k0, k1, k2, h, hashed)
	}
	return c.own.h, c.own.sum, c.own.n
}

// fill puts the word buf[start:end], of at most 24 bytes, whose key is k0,
// k1, k2, in the cache's slot c, and returns what it weighs without the
// word before it, its number of features and its hash. h is its hash if
// hashed, else the word is ASCII letters and digits, hashed here.
func (sc *scratch) fill(c *cachedWord, buf []byte, start, end int, k0, k1, k2 uint64, h uint32, hashed bool) prefixSum {
	m := sc.model
	shift := 32 - m.Bits
	w := buf[start:end]
	if !hashed {
		h = asciiHash(w)
	}
	sum, cnt := int64(m.W[mix(h)>>shift]), int32(1)
	if m.Chars {
		sum, cnt = gramSum(m.W, w, shift, sum, cnt)
	}
	c.k0, c.k1, c.k2, c.own = k0, k1, k2, prefixSum{sum, cnt, h}
	return c.own
}

// skipBlanks returns the first byte of buf from i on that is not ASCII
// punctuation or a blank, or len(buf): in a function of its own, whose
// loop keeps its few variables in registers.
//
//go:noinline
func skipBlanks(buf []byte, i int) int {
	for uint(i) < uint(len(buf)) && blank[buf[i]] { // (i >= 0)
		i++
	}
	return i
}

// asciiHash is the hash nextWord gives the word w of ASCII letters and
// digits.
func asciiHash(w []byte) uint32 {
	h := uint32(2166136261) // FNV-1a
	for _, c := range w {
		h = (h ^ uint32(c)) * 16777619
	}
	switch {
	case w[0] <= '9' && allDigits(w):
		return 0x1b873593
	case len(w) > 24:
		return 0x5bd1e995
	}
	return h
}

// wordKey packs the word buf[i:j], at most 24 bytes, into three words,
// little-endian, the bytes past its end zero: two words have the same key
// only if they are the same (no byte of a word is zero).
func wordKey(buf []byte, i, j int) (k0, k1, k2 uint64) {
	return keyPart(buf, i, j), keyPart(buf, i+8, j), keyPart(buf, i+16, j)
}

// keyPart packs the bytes of buf[i:j], up to eight, into a word.
func keyPart(buf []byte, i, j int) (x uint64) {
	n := min(j-i, 8)
	switch {
	case n <= 0:
		return 0
	case i+8 <= len(buf):
		return binary.LittleEndian.Uint64(buf[i:]) & (^uint64(0) >> (64 - 8*n))
	}
	for q := n - 1; q >= 0; q-- {
		x = x<<8 | uint64(buf[i+q])
	}
	return x
}

// keyMask[n] keeps the first n bytes of a word loaded little-endian, for
// n from 1 to 8.
var keyMask = func() (t [16]uint64) {
	for n := 1; n <= 8; n++ {
		t[n] = ^uint64(0) >> (64 - 8*n)
	}
	return t
}()

// cacheSlot is the slot of the word cache for a word's key.
func cacheSlot(k0, k1, k2 uint64) uint64 {
	x := (k0 ^ k1*0xff51afd7ed558ccd ^ k2*0xc4ceb9fe1a85ec53) * 0x9e3779b97f4a7c15
	return x >> (64 - wordCacheBits)
}

// BudgetThreshold is the lowest score at which at most budget of the
// benign texts whose scores are free are flagged: midway between the
// budget-th highest and the next (free is not changed).
func BudgetThreshold(free []float64, budget int) float64 {
	free = slices.Clone(free)
	slices.SortFunc(free, func(a, b float64) int { return cmp.Compare(b, a) })
	switch {
	case budget >= len(free):
		return math.Inf(-1)
	case budget == 0:
		return math.Nextafter(free[0], math.Inf(1))
	}
	return (free[budget-1] + free[budget]) / 2
}
