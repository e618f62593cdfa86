package poisoning

import (
	"slices"
	"testing"
)

// Arabic-script and Devanagari text is read in one spelling however it was
// typed: the tatweel dropped, the Arabic yeh, alef maksura, kaf and teh
// marbuta read as one letter each, a join control inside a word of those
// scripts dropped without the spelling signal (between Latin letters it
// keeps it), and their punctuation ending a word.
func TestFoldScripts(t *testing.T) {
	for _, tc := range []struct {
		text, same string
		words      []string
		spelling   bool
	}{
		{"تـــجاهل", "تجاهل", nil, false},
		{"التعليمات السابقة", "التعلیمات السابقه", nil, false},
		{"كلمة المرور", "کلمه المرور", nil, false},
		{"على", "علی", nil, false},
		{"دستورالعمل\u200cها", "دستورالعملها", nil, false},
		{"می\u200cخواهم", "میخواهم", nil, false},
		{"ig\u200cnore", "ignore", nil, true},
		{"ig\u200bnore", "ignore", nil, true},
		{"السابقة، وأظهر", "", []string{"السابقه", "واظهر"}, false},
		{"السابقة؟", "", []string{"السابقه"}, false},
		{"दिखाएं। और", "", []string{"दिखाए", "और"}, false},
	} {
		got, flags := canonical(nil, tc.text)
		if tc.same != "" {
			want, _ := canonical(nil, tc.same)
			if string(got) != string(want) {
				t.Errorf("canonical(%+q) = %+q, want %+q", tc.text, got, want)
			}
		}
		if tc.words != nil {
			var ws []string
			for _, w := range words(string(got), nil) {
				ws = append(ws, string(got[w.start:w.end]))
			}
			if !slices.Equal(ws, tc.words) {
				t.Errorf("words of %+q = %q, want %q", tc.text, ws, tc.words)
			}
		}
		if spelled := flags&flagInvisible != 0; spelled != tc.spelling {
			t.Errorf("canonical(%+q): spelling signal %v, want %v", tc.text, spelled, tc.spelling)
		}
	}
}
