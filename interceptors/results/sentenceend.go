package results

import (
	"encoding/binary"
	"unsafe"
)

// sentenceEndFrom returns where the sentence that runs through t[i] ends,
// reading no further than end: the first k in [i, end) at a newline, or at
// a mark of sentenceEnd with a blank at k+1 < end; end if there is none.
// It is sentenceAround's forward read: eight bytes at a time, and each of
// the eight only where one of them is a newline or a mark (most bytes of
// prose and code are neither; a byte at a time, this read was half of
// sentenceAround's instructions).
func sentenceEndFrom(t string, i, end int) int {
	b := unsafe.Slice(unsafe.StringData(t), len(t))
	end = min(end, len(b))
	for k := i; ; {
		if k+8 <= end { // (and so k+8 <= len(b): the load needs no test)
			if w := binary.LittleEndian.Uint64(b[k : k+8]); !mayEndSentence(w) {
				k += 8
				continue
			}
			for lim := k + 8; k < lim; k++ {
				if c := b[k]; c == '\n' || sentenceEnd[c] && k+1 < end && b[k+1] == ' ' {
					return k
				}
			}
			continue
		}
		for ; k < end; k++ {
			if c := b[k]; c == '\n' || sentenceEnd[c] && k+1 < end && b[k+1] == ' ' {
				return k
			}
		}
		return end
	}
}

// mayEndSentence reports whether one of the eight bytes of w may be a
// newline, '.', '!' or '?' (it may say so of others too, but never misses
// one: a byte equal to one of them is a zero byte of w^pattern, and the
// lowest zero byte is always flagged).
func mayEndSentence(w uint64) bool {
	const ones, top = 0x0101010101010101, 0x8080808080808080
	zero := func(x uint64) uint64 { return (x - ones) &^ x & top }
	return zero(w^('\n'*ones))|zero(w^('.'*ones))|zero(w^('!'*ones))|zero(w^('?'*ones)) != 0
}
