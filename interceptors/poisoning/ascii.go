package poisoning

import (
	"encoding/binary"
	"unsafe"
)

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
	for ; i <= len(b)-8; i += 8 { // (as i+8 <= len(b): the load needs no test)
		w := binary.LittleEndian.Uint64(b[i : i+8])
		low := w &^ top
		atLeastA := low + 0x3f3f3f3f3f3f3f3f // 0x80 - 'A'
		aboveZ := low + 0x2525252525252525   // 0x80 - 'Z' - 1
		upper := atLeastA &^ aboveZ &^ w & top
		binary.LittleEndian.PutUint64(b[i:i+8], w|upper>>2) // 0x80 >> 2 is 'a' - 'A'
	}
	for ; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return dst
}

// isASCII reports whether every byte of s is below 0x80, eight bytes at a
// time: every string of a definition is asked, and nearly all are ASCII.
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[i:]), 8))&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
