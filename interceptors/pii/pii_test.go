package pii

import (
	"context"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/mcp/jsonrpc"
)

// card returns a Luhn-valid number of length n starting with prefix, built
// at run time (no card number is written in the repository).
func card(prefix string, n int) string {
	d := []byte(prefix)
	for len(d) < n-1 {
		d = append(d, byte('0'+(len(d)*7)%10))
	}
	for c := byte('0'); c <= '9'; c++ {
		if luhn(append(d, c)) {
			return string(append(d, c))
		}
	}
	panic("unreachable")
}

func group4(s string, sep string) string {
	var parts []string
	for len(s) > 4 {
		parts = append(parts, s[:4])
		s = s[4:]
	}
	return strings.Join(append(parts, s), sep)
}

func detector(t testing.TB, rules ...Rule) *Detector {
	t.Helper()
	d, err := New(rules)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func found(d *Detector, text string) []string {
	var out []string
	for _, m := range d.Find(text) {
		out = append(out, m.Rule+":"+text[m.Start:m.End])
	}
	return out
}

func TestDetectors(t *testing.T) {
	d := detector(t,
		Rule{Kind: KindEmail},
		Rule{Kind: KindCard},
		Rule{Kind: KindIBAN},
		Rule{Kind: KindPhone, Region: "US"},
		Rule{Kind: KindRegex, Name: "employee-id", Pattern: `\bEMP-\d{6}\b`},
	)
	visa, amex, mc := card("4", 16), card("37", 15), card("5425", 16)
	cases := []struct {
		text string
		want []string
	}{
		{"write to jane.roe+tag@mail.example.co.uk today", []string{"email:jane.roe+tag@mail.example.co.uk"}},
		{"<a@b.example.org>, (x_y@sub-domain.example.com).", []string{"email:a@b.example.org", "email:x_y@sub-domain.example.com"}},
		{"card " + group4(visa, " ") + " exp 12/30", []string{"card:" + group4(visa, " ")}},
		{"amex " + amex + ", mc " + group4(mc, "-"), []string{"card:" + amex, "card:" + group4(mc, "-")}},
		{"IBAN DE89 3704 0044 0532 0130 00 or GB82WEST12345698765432.", []string{"iban:DE89 3704 0044 0532 0130 00", "iban:GB82WEST12345698765432"}},
		{"call (650) 253-0000 or +1 650 253 0000 or +44 20 7946 0958", []string{"phone:(650) 253-0000", "phone:+1 650 253 0000", "phone:+44 20 7946 0958"}},
		{"badge EMP-004211 issued", []string{"employee-id:EMP-004211"}},
	}
	for _, c := range cases {
		if got := found(d, c.text); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q:\n got  %q\n want %q", c.text, got, c.want)
		}
	}
}

func TestNoFalsePositives(t *testing.T) {
	d := detector(t,
		Rule{Kind: KindEmail},
		Rule{Kind: KindCard},
		Rule{Kind: KindIBAN},
		Rule{Kind: KindPhone, Region: "US"},
		Rule{Kind: KindPhone, Name: "phone-de", Region: "DE"},
	)
	for _, text := range []string{
		"user@localhost, @handle, a@b.c, name@example..com",
		"request 550e8400-e29b-41d4-a716-446655440000 commit 3f786850e387550fdab836ed7e6dc881de23001b",
		"ts=1714564803 ms=1714564803123 ns=1714564803123456789 id=4155550100 order 100200300400",
		"2025-05-01 12:00:03 and 01/05/2025 and 01.05.2025 at 12:30",
		"hosts 192.168.100.200 and 10.0.3.17, version 1.24.3, amount 1,234,567.89 EUR",
		"invoice 1234 5678 9012 3456 7890 and " + card("4", 16) + "0", // too long a run
		"DE89 3704 0044 0532 0130 01 (bad check digits), XX12 3456 7890",
		"sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
		"port 8080, pid 31337, uid 1000, inode 123456789",
	} {
		if got := found(d, text); len(got) > 0 {
			t.Errorf("%q: found %q", text, got)
		}
	}
}

func TestNew(t *testing.T) {
	for _, rules := range [][]Rule{
		{{Kind: "ssn"}},
		{{Kind: KindRegex, Pattern: `x`}},
		{{Kind: KindRegex, Name: "n"}},
		{{Kind: KindRegex, Name: "n", Pattern: `(`}},
		{{Kind: KindRegex, Name: "n", Pattern: `a*`}},
		{{Kind: KindRegex, Name: "bad name]", Pattern: `x`}},
		{{Kind: KindPhone, Region: "XX"}},
		{{Kind: KindEmail, Region: "US"}},
		{{Kind: KindEmail, Action: "hide"}},
		{{Kind: KindEmail, Direction: "both"}},
		{{Kind: KindEmail}, {Kind: KindEmail}},
	} {
		if _, err := New(rules); err == nil {
			t.Errorf("%+v accepted", rules)
		}
	}
}

func parse(t testing.TB, body string) *jsonrpc.Message {
	t.Helper()
	b, err := jsonrpc.Parse([]byte(body), jsonrpc.Limits{})
	if err != nil {
		t.Fatalf("%s: %v", body, err)
	}
	return b.Messages[0]
}

func quote(s string) string {
	q, _ := jsontext.AppendQuote(nil, s)
	return string(q)
}

func intercept(t *testing.T, d *Detector, dir interceptors.Direction, body string) *interceptors.Exchange {
	t.Helper()
	x := &interceptors.Exchange{Direction: dir, Message: parse(t, body)}
	if err := d.Intercept(context.Background(), x); err != nil {
		t.Fatal(err)
	}
	return x
}

func TestIntercept(t *testing.T) {
	d := detector(t,
		Rule{Kind: KindEmail, Action: interceptors.ActionRedact},
		Rule{Kind: KindCard, Action: interceptors.ActionBlock, Direction: "requests"},
		Rule{Kind: KindPhone, Region: "US", Action: interceptors.ActionRedact, Mode: interceptors.AuditOnly},
	)
	visa := card("4", 16)
	// A card in a request is refused; the finding names rule and place only.
	x := intercept(t, d, interceptors.ToServer, `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"pay","arguments":{"card":"`+visa+`"}}}`)
	if x.Action != interceptors.Deny || x.Rule != "card" || strings.Contains(x.Reason, visa) || !strings.Contains(x.Reason, "params.arguments.card") {
		t.Errorf("card: %v %q %q", x.Action, x.Rule, x.Reason)
	}
	// The card rule is for requests: a response passes; the e-mail is
	// redacted, the phone number (audit mode) only reported.
	body := `{"jsonrpc":"2.0","id":2,"result":{"content":[{"type":"text","text":` +
		quote("Contact: jane@example.com, (650) 253-0000, card "+visa) + `}]}}`
	x = intercept(t, d, interceptors.ToClient, body)
	if x.Action != interceptors.Modify {
		t.Fatalf("response: %v", x.Action)
	}
	out := string(x.Message.Marshal())
	parse(t, out)
	if !strings.Contains(out, `Contact: [REDACTED:email], (650) 253-0000, card `+visa) {
		t.Errorf("response: %s", out)
	}
	var modes []string
	for _, f := range x.Findings {
		modes = append(modes, f.Rule+"/"+f.Action+"/"+f.Mode+"@"+f.Where)
	}
	if strings.Join(modes, " ") != "email/redact/enforce@result.content.0.text phone/redact/audit@result.content.0.text" {
		t.Errorf("findings %v", modes)
	}
}

// A rule listed first claims what it finds, but an audit rule must not
// take a block away from a later rule on the same text.
func TestOverlapKeepsStrongerRule(t *testing.T) {
	d := detector(t,
		Rule{Kind: KindEmail, Mode: interceptors.AuditOnly},
		Rule{Kind: KindRegex, Name: "corp", Pattern: `[a-z]+@corp\.example`, Action: interceptors.ActionBlock},
	)
	x := intercept(t, d, interceptors.ToServer, `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"send","arguments":{"to":"jane@corp.example"}}}`)
	if x.Action != interceptors.Deny || x.Rule != "corp" {
		t.Errorf("got %v %q", x.Action, x.Rule)
	}
	// The other way round, the earlier (stronger) rule keeps the text.
	d = detector(t,
		Rule{Kind: KindEmail, Action: interceptors.ActionBlock},
		Rule{Kind: KindRegex, Name: "corp", Pattern: `[a-z]+@corp\.example`, Action: interceptors.ActionRedact},
	)
	x = intercept(t, d, interceptors.ToServer, `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"send","arguments":{"to":"jane@corp.example"}}}`)
	if x.Action != interceptors.Deny || x.Rule != "email" || len(x.Findings) != 1 {
		t.Errorf("got %v %q %v", x.Action, x.Rule, x.Findings)
	}
}

func TestBinaryPayloadsSkipped(t *testing.T) {
	d := detector(t, Rule{Kind: KindEmail}, Rule{Kind: KindPhone, Region: "US"})
	// A base64 payload that happens to hold an address-like run is left
	// alone; the same text elsewhere is not.
	blob := "QUJD+jane@example.com/REVG"
	body := `{"jsonrpc":"2.0","id":3,"result":{"content":[` +
		`{"type":"image","data":"` + blob + `","mimeType":"image/png"},` +
		`{"type":"resource","resource":{"uri":"file:///a","mimeType":"application/octet-stream","blob":"` + blob + `"}},` +
		`{"type":"text","text":"` + blob + `"},` +
		`{"type":"text","data":"` + blob + `"}]}}`
	x := intercept(t, d, interceptors.ToClient, body)
	out := string(x.Message.Marshal())
	if strings.Count(out, blob) != 2 || strings.Count(out, "[REDACTED:email]") != 2 {
		t.Errorf("got %s", out)
	}
}

func BenchmarkScanClean100KB(b *testing.B) {
	d := detector(b,
		Rule{Kind: KindEmail}, Rule{Kind: KindCard}, Rule{Kind: KindIBAN},
		Rule{Kind: KindPhone, Region: "US"},
	)
	var sb strings.Builder
	for i := 0; sb.Len() < 100<<10; i++ {
		sb.WriteString("2025-05-01T12:00:03Z INFO request_id=7f3c2a path=/api/v1/users/1234 status=200 duration=12ms\n")
		sb.WriteString("| 17 | eu-west-1 | t3.medium | running | 10.0.3.17 | i-0a1b2c3d4e5f67890 | 1714564803123 |\n")
		sb.WriteString("The access control list is evaluated before the request reaches the handler; see the API reference.\n")
	}
	m := parse(b, `{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":`+quote(sb.String()[:100<<10])+`}]}}`)
	b.SetBytes(int64(len(m.Result)))
	b.ReportAllocs()
	for b.Loop() {
		x := &interceptors.Exchange{Direction: interceptors.ToClient, Message: m}
		if err := d.Intercept(context.Background(), x); err != nil || x.Action != interceptors.Allow {
			b.Fatal(err, x.Findings)
		}
	}
}

func TestPhoneRegions(t *testing.T) {
	de := detector(t, Rule{Kind: KindPhone, Region: "DE"})
	intl := detector(t, Rule{Kind: KindPhone})
	text := "Büro 030 12345678, mobil 0151 2345 6789, Zentrale +49 30 12345678; Kunde 3456 7890, US +1 650-253-0000, (650) 253-0000"
	if got := strings.Join(found(de, text), "|"); got != "phone:030 12345678|phone:0151 2345 6789|phone:+49 30 12345678|phone:+1 650-253-0000" {
		t.Errorf("DE: %s", got)
	}
	if got := strings.Join(found(intl, text), "|"); got != "phone:+49 30 12345678|phone:+1 650-253-0000" {
		t.Errorf("international: %s", got)
	}
}
