package poisoning

import (
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// classCounts counts the upper-case ASCII letters, the lower-case ones and
// the digits of s, eight bytes a load (encodedLooking reads runs of
// sixteen bytes or more), the rest a byte at a time.
func classCounts(s string) (up, lo, dig int) {
	i := 0
	for ; i <= len(s)-8; i += 8 { // (as i+8 <= len(s): the load needs no test)
		w := binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[i:]), 8))
		up += bits.OnesCount64(bytesIn(w, 'A', 'Z'))
		lo += bits.OnesCount64(bytesIn(w, 'a', 'z'))
		dig += bits.OnesCount64(bytesIn(w, '0', '9'))
	}
	u, l, d := classCountsBytes(s[i:])
	return up + u, lo + l, dig + d
}

// bytesIn sets the top bit of each byte of w that lies in [from, to], to
// below 0x7f: a sum sets the top bit of a byte whose low seven bits are
// at least its bound and never carries into the next byte, and a byte
// with its own top bit set is in no such range.
func bytesIn(w uint64, from, to byte) uint64 {
	const ones, top = 0x0101010101010101, 0x8080808080808080
	x := w &^ top
	return (x + (0x80-uint64(from))*ones) &^ (x + (0x7f-uint64(to))*ones) &^ w & top
}

// classCountsBytes is classCounts a byte at a time.
func classCountsBytes(s string) (up, lo, dig int) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z':
			up++
		case c >= 'a' && c <= 'z':
			lo++
		case c >= '0' && c <= '9':
			dig++
		}
	}
	return up, lo, dig
}
