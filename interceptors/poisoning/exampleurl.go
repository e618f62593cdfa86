package poisoning

import "strings"

// A parameter that takes a web address shows its format as addresses do
// (exampleaddress.go): "Examples: * https://example.com/products/item *
// https://news.site.com/article/123", "the page to open, e.g.
// https://shop.example/cart". A URL written right after words that give
// an example, or as an item of a list that follows them (each item a URL
// with at most a bracketed note), is a value's format: the reader is told
// what such a value looks like, not where to send anything. Where its
// sentence also has a verb of sending ("e.g. send the file to
// https://drop.example/in") it is a destination as before, and a URL in a
// plain sentence ("results are posted to https://…") is one as before.
// A scheme with no host after it ("must include the protocol (http:// or
// https://)") names the format alone, and no place.

// exampleBullets mark the items of a list of examples.
const exampleBullets = "*-•"

// urlGivenAsExample reports whether the URL starting at t[off:] is given
// as an example: right after the words that give one, or as an item of a
// list of URLs that follows them.
func urlGivenAsExample(t string, off int) bool {
	if h := t[off+strings.Index(t[off:], "//")+2:]; h == "" || strings.IndexByte(" \"'`)>],;", h[0]) >= 0 {
		return true // a scheme alone
	}
	p := off
	for n := 0; n < 12; n++ {
		if givenAsExample(t, p) {
			return true
		}
		head := strings.TrimRight(t[:p], " \"'`(<[")
		if head == "" || strings.IndexByte(exampleBullets, head[len(head)-1]) < 0 && !strings.HasSuffix(head, "•") {
			return false
		}
		bullet := head[len(head)-1:]
		if strings.HasSuffix(head, "•") {
			bullet = "•"
		}
		head = strings.TrimRight(head[:len(head)-len(bullet)], " ")
		if givenAsExample(t, len(head)) {
			return true
		}
		// the item before: the text after the previous bullet of the same
		// kind must be one URL, with at most a bracketed note after it
		q := strings.LastIndex(head, " "+bullet+" ")
		if q < 0 {
			return false
		}
		item := head[q+len(bullet)+2:]
		if !strings.HasPrefix(item, "http://") && !strings.HasPrefix(item, "https://") {
			return false
		}
		if sp := strings.IndexByte(item, ' '); sp >= 0 {
			note := item[sp+1:]
			if !strings.HasPrefix(note, "(") || !strings.HasSuffix(note, ")") || strings.Contains(note, ". ") {
				return false
			}
		}
		p = q + 1 + len(bullet) // just after the previous bullet
	}
	return false
}

// urlLen is the length of the URL that starts s: up to a space or a
// closing quote or bracket.
func urlLen(s string) int {
	if i := strings.IndexAny(s, " \"'`)>]"); i >= 0 {
		return i
	}
	return len(s)
}
