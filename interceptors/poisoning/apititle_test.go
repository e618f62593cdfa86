package poisoning

import "testing"

// A quoted title that spells one of the server's own generated names
// from a separator on, version aside, names that tool; one that no name
// of the list ends with names another server's.
func TestQuotedTitleOfGeneratedName(t *testing.T) {
	own := map[string]bool{"billing_createinvoicedraftv2": true, "billing_getcustomer_balancev1": true, "acme-billing_sendreminder": true}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Use the `Create Invoice Draft` endpoint first.", true},
		{"Read it with 'Get Customer Balance' before charging.", true},
		{"Then call \"Send Reminder\" for overdue invoices.", true},
		{"Use the `Send Email` endpoint first.", false},
		{"Use the `Invoice Draft` endpoint first.", false},
		{"Call 'Create Invoice' before charging.", false},
	} {
		ev := &evidence{definitions: true, own: own}
		text := normalise(c.text)
		ws := words(text, nil)
		got := false
		for k := range ws {
			if ev.ownTitle(text, ws, k) {
				got = true
			}
		}
		if got != c.want {
			t.Errorf("%q: own title %v, want %v", c.text, got, c.want)
		}
	}
}
