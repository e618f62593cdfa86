package poisoning

import (
	"unicode"
	"unicode/utf8"
)

// Arabic, Persian and the Indic scripts are written with habits of their
// own that the fold reads as one spelling, so that a cue written once
// matches the text however it was typed:
//
//   - the tatweel (U+0640), which stretches a joined letter for looks
//     ("تـــجاهل" is "تجاهل"), is dropped like a mark;
//   - the Arabic yeh and alef maksura are read as the Persian yeh, the
//     Arabic kaf as the Persian keheh (Persian is typed on Arabic
//     keyboards, and Arabic writes a final yeh either way), and teh
//     marbuta as heh (as Arabic search folds them: "التعليمات السابقة"
//     is the same words with either ending);
//   - the non-joiner and the joiner between the letters of a word in
//     those scripts (Persian "دستورالعمل‌ها", a virama's conjunct in
//     Devanagari) are how the words are spelt, not a character hidden in
//     them: they are dropped without the spelling signal
//     (joinsLetters is the same reading for the unicode check);
//   - their punctuation (the Arabic comma, semicolon and question mark,
//     the Urdu full stop, the Devanagari danda) ends a word as ASCII
//     punctuation does (punctRune).

// tatweel is the Arabic letter that only stretches a joined letter.
const tatweel = 0x0640

// arabicLetterFold maps the letters Arabic-script text writes either way
// to the one the fold reads.
var arabicLetterFold = map[rune]rune{
	0x064A: 0x06CC, // ي Arabic yeh -> ی Persian yeh
	0x0649: 0x06CC, // ى alef maksura -> ی
	0x0643: 0x06A9, // ك Arabic kaf -> ک keheh
	0x0629: 0x0647, // ة teh marbuta -> ه heh
	// Urdu's two hehs and its teh marbuta goal, which Urdu typed on an
	// Arabic or Persian keyboard writes as the one heh ("ہدایات" and
	// "هدایات", "بھیجیں" and "بهیجیں")
	0x06C1: 0x0647, // ہ heh goal -> ه
	0x06BE: 0x0647, // ھ heh doachashmee -> ه
	0x06C3: 0x0647, // ۃ teh marbuta goal -> ه
}

// scriptPunct reports the punctuation of Arabic script and Devanagari
// that separates words.
func scriptPunct(r rune) bool {
	switch r {
	case 0x060C, 0x061B, 0x061F, 0x06D4, 0x0964, 0x0965:
		return true
	}
	return false
}

// joinsScript reports whether prev, the letter the fold wrote before a
// join control, is of a script that writes such controls between its
// letters: Arabic script, and the Indic scripts of U+0900 to U+0DFF.
func joinsScript(prev rune) bool {
	return prev >= 0x0900 && prev <= 0x0DFF || unicode.In(prev, unicode.Arabic)
}

// lastRune is the last rune of b, what the fold wrote last.
func lastRune(b []byte) rune {
	r, _ := utf8.DecodeLastRune(b)
	return r
}
