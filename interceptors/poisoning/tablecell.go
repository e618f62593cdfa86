package poisoning

import "strings"

// inTableCell reports whether the word ws[i] stands in a cell of a table
// the text lays out in "|"-separated cells ("| MAC-TC-5 | Login - valid
// credential | 1 | Passed |"): a cell holds a value the table shows, a
// test case's title or a column's name, and no sentence; an order to the
// reader is written as prose. A cell is short, and a table has a row of
// at least four bars; a bar or two in prose ("a|b", "read | send") makes
// no table. A row that names one of the tool's own parameters documents
// what the call takes ("| note | the user's SSH key |"), and a secret
// there is what the model is to fill in: it still counts.
func (e *evidence) inTableCell(t string, ws []span, i int) bool {
	if i < 0 || i >= len(ws) {
		return false
	}
	from := max(0, ws[i].start-cellReach)
	l := strings.LastIndexByte(t[from:ws[i].start], '|')
	r := strings.IndexByte(t[ws[i].end:min(len(t), ws[i].end+cellReach+1)], '|')
	if l < 0 || r < 0 {
		return false
	}
	l += from
	r += ws[i].end
	bars := 2
	for k, n := l-1, 0; k >= 0 && n < cellReach*2; k, n = k-1, n+1 {
		if t[k] == '|' {
			bars++
		}
	}
	for k, n := r+1, 0; k < len(t) && n < cellReach*2; k, n = k+1, n+1 {
		if t[k] == '|' {
			bars++
		}
	}
	if bars < 4 {
		return false
	}
	for k := i - 1; k >= 0 && ws[k].start >= l-cellReach*2; k-- {
		if e.ownParam(t[ws[k].start:ws[k].end]) {
			return false
		}
	}
	for k := i + 1; k < len(ws) && ws[k].end <= r+cellReach*2; k++ {
		if e.ownParam(t[ws[k].start:ws[k].end]) {
			return false
		}
	}
	return true
}

// cellReach is how many bytes from a word its cell's bars may be.
const cellReach = 48
