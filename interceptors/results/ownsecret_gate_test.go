package results

import (
	"strings"
	"testing"
)

// TestReaderMarksHold checks the one search before each list of
// asksOfReader and ownSecretAsked: every string of the list holds it, so
// a sentence without it holds none of them.
func TestReaderMarksHold(t *testing.T) {
	for _, c := range []struct {
		first string
		list  []string
	}{{"you ", readerAsks}, {"you", usesMarks}, {"your ", replyMarks}} {
		for _, s := range c.list {
			if !strings.Contains(s, c.first) {
				t.Errorf("%q does not hold %q", s, c.first)
			}
		}
	}
}
