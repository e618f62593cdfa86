package poisoning

import (
	"encoding/binary"
	"math/bits"
)

// alnumEnd returns the end of the run of lower-case letters and digits
// in b from i on, reading eight bytes at a time: most words end within
// the first eight, found without a branch per byte.
func alnumEnd(b []byte, i int) int {
	for ; i+8 <= len(b); i += 8 {
		if m := notAlnum(binary.LittleEndian.Uint64(b[i:])); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for i < len(b) && alnumTab[b[i]] {
		i++
	}
	return i
}

// notAlnum sets the top bit of each byte of w that is not a lower-case
// letter or a digit.
func notAlnum(w uint64) uint64 {
	const ones, top = 0x0101010101010101, 0x8080808080808080
	// each sum sets the top bit of a byte whose low seven bits are at
	// least the bound, without carrying into the next byte
	x := w &^ top
	letter := (x + (0x80-'a')*ones) &^ (x + (0x80-'z'-1)*ones)
	digit := (x + (0x80-'0')*ones) &^ (x + (0x80-'9'-1)*ones)
	return (^(letter | digit) | w) & top
}

// LowerASCII appends s with its ASCII letters in lower case; other bytes
// stay as they are, so offsets in the result match s.
func LowerASCII(dst []byte, s string) []byte {
	start := len(dst)
	dst = append(dst, s...)
	b := dst[start:]
	// eight bytes at a time: a byte is an upper-case letter when it is
	// ASCII and its low seven bits lie in 'A'..'Z'; the sums set the top
	// bit of a byte for each test and never carry into the next byte
	const top = 0x8080808080808080
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		low := w &^ top
		atLeastA := low + 0x3f3f3f3f3f3f3f3f // 0x80 - 'A'
		aboveZ := low + 0x2525252525252525   // 0x80 - 'Z' - 1
		upper := atLeastA &^ aboveZ &^ w & top
		binary.LittleEndian.PutUint64(b[i:], w|upper>>2) // 0x80 >> 2 is 'a' - 'A'
	}
	for ; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return dst
}
