package textmodel

// Features of address and shift (a model's Address): an injection with no
// marker is often a task or a question for the reader placed at an edge
// of data that gives none ("… Best regards, Anna. What is the capital of
// France?"). For the text's first and last sentence (or its only one), a
// few features say what that sentence is, each with its place: whether it
// asks a question, whether it speaks to "you" where the rest of the text
// does not, and whether its content words are foreign to the rest of the
// text (a change of subject at an edge). They are hashed like the words'
// features and added to the sentence's first word, so that the window
// holding it weighs them. The sentence's place alone is no feature: it
// would mark every short text, and a one-word answer ("OK") leaned
// towards injection with it. Whether the sentence asks for an answer
// (a question word or an auxiliary before its question mark, or a verb
// of a task first: "name", "list", "translate") is a feature too, alone
// and with the change of subject: a bare task that says no "you" ("Name
// the author of the series.") and a question on the text's own subject
// (a FAQ's) were otherwise read alike. And an edge sentence of a text
// of more than one gives the word it opens with (past a "please"), with
// its place (openBucket): an order set before or after the data it
// comes with opens on its verb ("ignore", "forward", "summarize"), where
// the pair of the text's start and its first word reads a lone order and
// a page's title alike.

import (
	"strings"
	"unicode/utf8"
)

// addrBuckets counts the words of a text by hash, for the overlap of a
// sentence with the rest of its text.
const (
	addrBucketBits = 12
	addrBuckets    = 1 << addrBucketBits
	// a sentence is read up to this many bytes; a longer one is not a
	// task set in data, and gives no features
	maxSentence = 320
)

// addrCounts is the number of the words of a text in each hash bucket.
type addrCounts [addrBuckets]uint16

func (c *addrCounts) add(h uint32) { c[h>>(32-addrBucketBits)]++ }

// places of a sentence in its text
const (
	placeFirst = 1 + iota
	placeLast
	placeOnly
)

// kinds of feature of a sentence
const (
	kindQuestion  = 1 + iota // it ends with a question mark
	kindYou                  // it says "you" or "your", and so does the rest of the text
	kindYouAlone             // it says "you" or "your", and the rest of the text does not
	kindShift                // its content words are foreign to the rest of the text
	kindAsks                 // it asks for an answer: a question word and a question mark, or a verb of a task first
	kindAsksShift            // it asks, and its content words are foreign to the rest of the text
)

// The words a sentence that asks for an answer opens with: question
// words and auxiliaries (with a question mark at its end), and verbs of
// a task, after "please" or not.
var questionHashes, taskHashes = hashSet("what who whom whose which where when why how is are was were do does did can could would will should shall may has have"),
	hashSet("name list tell give write explain describe define translate summarize summarise calculate compute identify state suggest recommend compare classify count spell solve determine outline compose draft create generate provide convert rewrite correct answer")

var pleaseHash = asciiHash([]byte("please"))

// hashSet is the set of the hashes of words.
func hashSet(words string) map[uint32]bool {
	m := map[uint32]bool{}
	for _, w := range strings.Fields(words) {
		m[asciiHash([]byte(w))] = true
	}
	return m
}

// addrFeature is one feature of address: its bucket, at the word index
// where it counts.
type addrFeature struct {
	word   int
	bucket uint32
}

var youHash, yourHash = asciiHash([]byte("you")), asciiHash([]byte("your"))

// openBucket is the bucket of the opening word h of the sentence at
// place.
func openBucket(place int, h uint32, shift uint) uint32 {
	return mix(h*0x9e3779b1^uint32(place)*0xc2b2ae35^0x1b56c4e9) >> shift
}

func addrBucket(place, kind int, shift uint) uint32 {
	return mix(uint32(place)*0x9e3779b1^uint32(kind)*0x85ebca6b^0x3c6ef372) >> shift
}

// isBoundary reports whether a sentence ends at buf[k]: a line break, or
// a full stop, question or exclamation mark before a space or the end.
func isBoundary(buf []byte, k int) bool {
	if !sentenceMark[buf[k]] {
		return false
	}
	return buf[k] == '\n' || k+1 == len(buf) || buf[k+1] == ' ' || buf[k+1] == '\n' || buf[k+1] == '\t' || buf[k+1] == '\r'
}

// sentenceMark marks the bytes a sentence may end at.
var sentenceMark = [256]bool{'\n': true, '.': true, '!': true, '?': true}

// addressFeatures returns the features of address of the canonical text
// buf that Score has read into sc.prefix.
//
// sc.cnt is all zeros between texts: the words' buckets are set back to
// zero here once read, one store a word, rather than the whole table
// (8 KB, some thousand instructions) cleared before each text, which
// cost a short result more than its words did.
func (sc *scratch) addressFeatures(buf []byte, shift uint) []addrFeature {
	cnt := &sc.cnt
	if !sc.counted {
		for _, p := range sc.prefix[1:] {
			cnt.add(p.h)
		}
	}
	sc.counted = false
	var tw *textWords
	if sc.spans != nil {
		tw = &textWords{sc.spans, sc.prefix}
	}
	f := addressFeaturesOf(sc.extra[:0], buf, len(sc.prefix)-1, cnt, shift, tw)
	if words := sc.prefix[1:]; len(words) < addrBuckets/8 {
		for _, p := range words {
			cnt[p.h>>(32-addrBucketBits)] = 0
		}
	} else {
		clear(cnt[:])
	}
	return f
}

// textWords is the words of a text as Score or ScoreSpans read them: the
// start and the end of each in spans, its hash in prefix[i+1].h. The
// features of address take the words of a sentence from there rather
// than read the sentence again (nextWord).
type textWords struct {
	spans  []int32
	prefix []prefixSum
}

// addressFeatures appends to dst the features of address of the canonical
// text buf of n words whose words' hashes cnt counts.
func addressFeatures(dst []addrFeature, buf []byte, n int, cnt *addrCounts, shift uint) []addrFeature {
	return addressFeaturesOf(dst, buf, n, cnt, shift, nil)
}

// addressFeaturesOf is addressFeatures with the text's words in tw if it
// is not nil.
func addressFeaturesOf(dst []addrFeature, buf []byte, n int, cnt *addrCounts, shift uint, tw *textWords) []addrFeature {
	if n == 0 {
		return dst
	}
	// the text's end, past trailing punctuation and blanks
	end := len(buf)
	for end > 0 && buf[end-1] < utf8.RuneSelf && !alnum[buf[end-1]] {
		end--
	}
	question := false
	for _, c := range buf[end:] {
		question = question || c == '?'
	}
	begin := 0 // the first word's start
	for begin < end && buf[begin] < utf8.RuneSelf && !alnum[buf[begin]] {
		begin++
	}
	// the last sentence's start, and the first one's end
	lo := max(begin, end-maxSentence)
	lastStart := -1
	tail := buf[lo:end]
	for k := len(tail) - 1; k >= 0; k-- {
		if sentenceMark[tail[k]] && isBoundary(buf, lo+k) {
			lastStart = lo + k + 1
			break
		}
	}
	if lastStart < 0 {
		if lo > begin {
			return dst // the text ends in no sentence
		}
		lastStart = begin
	}
	if lastStart == begin {
		return sentenceFeatures(dst, buf[:end], 0, 0, placeOnly, question, cnt, shift, tw)
	}
	dst = sentenceFeatures(dst, buf[lastStart:end], lastStart, n, placeLast, question, cnt, shift, tw)
	for k, c := range buf[begin:min(end, begin+maxSentence)] {
		if sentenceMark[c] && isBoundary(buf, begin+k) {
			return sentenceFeatures(dst, buf[:begin+k], 0, 0, placeFirst, c == '?', cnt, shift, tw)
		}
	}
	return dst
}

// sentenceFeatures appends the features of the sentence s at place, the
// first of its text (whose first word is word 0) or its last (whose last
// word is word n-1). s starts at offset from of its text; tw, if not nil,
// holds the text's words (a sentence ends at a mark that is no part of a
// word, and starts after one: its words are the text's words that start
// within it).
func sentenceFeatures(dst []addrFeature, s []byte, from, n, place int, question bool, cnt *addrCounts, shift uint, tw *textWords) []addrFeature {
	// every word of s: at most one every two bytes
	var hs [maxSentence/2 + 1]uint32
	var content [maxSentence/2 + 1]bool
	k := 0
	you := false
	if tw != nil {
		// the first word that starts within s, then each up to its end
		x, nw := 0, len(tw.spans)/2
		if from > 0 {
			for x = nw; x > 0 && int(tw.spans[2*x-2]) >= from; x-- {
			}
		}
		for ; k < len(hs) && x < nw; k, x = k+1, x+1 {
			start, end := int(tw.spans[2*x])-from, int(tw.spans[2*x+1])-from
			if start >= len(s) {
				break
			}
			h := tw.prefix[x+1].h
			hs[k] = h
			content[k] = end-start >= 4 && s[start] > '9'
			you = you || h == youHash || h == yourHash
		}
	} else {
		for i := 0; k < len(hs); k++ {
			h, start, end := nextWord(s, i)
			if start < 0 {
				break
			}
			hs[k] = h
			content[k] = end-start >= 4 && s[start] > '9'
			you = you || h == youHash || h == yourHash
			i = end
		}
	}
	if k == 0 {
		return dst
	}
	w := 0
	if place == placeLast {
		w = n - k
	}
	if question {
		dst = append(dst, addrFeature{w, addrBucket(place, kindQuestion, shift)})
	}
	// the counts of the rest of the text: the text's less the sentence's
	for _, h := range hs[:k] {
		cnt[h>>(32-addrBucketBits)]--
	}
	if you {
		kind := kindYouAlone
		if cnt[youHash>>(32-addrBucketBits)] > 0 || cnt[yourHash>>(32-addrBucketBits)] > 0 {
			kind = kindYou
		}
		dst = append(dst, addrFeature{w, addrBucket(place, kind, shift)})
	}
	first := hs[0]
	if first == pleaseHash && k > 1 {
		first = hs[1]
	}
	if place != placeOnly {
		dst = append(dst, addrFeature{w, openBucket(place, first, shift)})
	}
	asks := question && questionHashes[hs[0]] || taskHashes[first]
	if asks {
		dst = append(dst, addrFeature{w, addrBucket(place, kindAsks, shift)})
	}
	if place != placeOnly {
		words, shared := 0, 0
		for i, h := range hs[:k] {
			if content[i] {
				words++
				if cnt[h>>(32-addrBucketBits)] > 0 {
					shared++
				}
			}
		}
		if words >= 2 && 4*shared <= words {
			dst = append(dst, addrFeature{w, addrBucket(place, kindShift, shift)})
			if asks {
				dst = append(dst, addrFeature{w, addrBucket(place, kindAsksShift, shift)})
			}
		}
	}
	for _, h := range hs[:k] {
		cnt[h>>(32-addrBucketBits)]++
	}
	return dst
}
