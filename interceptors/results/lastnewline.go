package results

import (
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// lastNewline is strings.LastIndexByte(s, '\n') eight bytes at a time:
// that function reads a byte at a time, and eachWindow reads most of a
// long text back from each window's end with it.
func lastNewline(s string) int { return lastByte(s, '\n') }

// lastByte is strings.LastIndexByte(s, c), eight bytes at a time.
func lastByte(s string, c byte) int {
	const low7, top = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	pat := uint64(c) * 0x0101010101010101
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	i := len(s)
	for ; i >= 8; i -= 8 {
		x := binary.LittleEndian.Uint64(b[i-8:i]) ^ pat // c's byte is zero
		// the top bit of each byte of x that is not zero, exactly (the
		// sum of its low seven bits and 0x7f carries into the top bit
		// only, never into the next byte)
		if z := ^((x&low7 + low7) | x) & top; z != 0 {
			return i - 8 + (63-bits.LeadingZeros64(z))/8
		}
	}
	for i > 0 {
		if i--; s[i] == c {
			return i
		}
	}
	return -1
}
