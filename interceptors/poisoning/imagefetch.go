package poisoning

import "strings"

// imageFetch finds, in a definition's canonical text t, a markdown image
// whose web address carries a query ("![data](https://host/img?d=...)").
// A client that renders the image fetches the address at once, with no
// tool called and nothing shown to the user but a picture: whatever the
// reader is asked to put in the query leaves the session unseen. A tool's
// documentation that shows an image links a file or a page, without a
// query for the reader to fill; a definition has no picture to show the
// model. It counts as a destination and as the sending kept out of view.
func (e *evidence) imageFetch(t string) {
	for off := 0; ; {
		i := strings.Index(t[off:], "](http")
		if i < 0 {
			return
		}
		off += i
		open := strings.LastIndex(t[:off], "![")
		end := strings.IndexByte(t[off:], ')')
		if open >= 0 && end > 0 && !strings.ContainsAny(t[open:off], "\n") {
			addr := t[off+2 : off+end]
			if q := strings.IndexByte(addr, '?'); q > 0 && strings.IndexByte(addr[q:], '=') > 0 && !strings.ContainsAny(addr, " ") {
				e.fire(sigExfil, "image address with a query")
				e.fire(sigConceal, "fetched when the image is shown")
				return
			}
		}
		off += 2
	}
}
