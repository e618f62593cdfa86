// Package wordbytes finds the ends of words of lower-case ASCII letters
// and digits eight bytes at a time, for the checks' normaliser and the
// learned model, which both read every byte of a text.
package wordbytes

import (
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// AlnumEnd returns the end of the run of lower-case ASCII letters and
// digits in b from i on: most words end within the first eight bytes,
// found without a branch per byte.
func AlnumEnd(b []byte, i int) int {
	// (i is not negative, as before, where a load panicked on it; with the
	// bound read as i <= len(b)-8, neither load needs a test of its own)
	if i < 0 {
		panic("wordbytes: negative offset")
	}
	for ; i <= len(b)-8; i += 8 {
		if m := NotAlnum(binary.LittleEndian.Uint64(b[i : i+8])); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for uint(i) < uint(len(b)) && Alnum[b[i]] {
		i++
	}
	return i
}

// NonASCIIEnd returns the end of the run of bytes beyond ASCII (0x80 and
// up) in s from i on, eight bytes at a time: a word of another script,
// or a line of Chinese, is passed over with a load for eight of its bytes.
func NonASCIIEnd(s string, i int) int {
	if i < 0 {
		panic("wordbytes: negative offset")
	}
	b := unsafe.Slice(unsafe.StringData(s), len(s)) // read only
	for ; i <= len(b)-8; i += 8 {
		if m := ^binary.LittleEndian.Uint64(b[i:i+8]) & 0x8080808080808080; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for uint(i) < uint(len(b)) && b[i] >= 0x80 {
		i++
	}
	return i
}

// NotAlnum sets the top bit of each byte of w that is not a lower-case
// ASCII letter or a digit.
func NotAlnum(w uint64) uint64 {
	const ones, top = 0x0101010101010101, 0x8080808080808080
	// each sum sets the top bit of a byte whose low seven bits are at
	// least the bound, without carrying into the next byte
	x := w &^ top
	letter := (x + (0x80-'a')*ones) &^ (x + (0x80-'z'-1)*ones)
	digit := (x + (0x80-'0')*ones) &^ (x + (0x80-'9'-1)*ones)
	return (^(letter | digit) | w) & top
}

// Alnum marks the lower-case ASCII letters and the digits.
var Alnum = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
	}
	return t
}()
