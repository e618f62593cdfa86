// Package pii finds personal data (e-mail addresses, payment card numbers,
// IBANs, phone numbers, and patterns the policy defines) in the messages
// between agents and MCP servers, and blocks, redacts or reports it as each
// rule says.
//
// It reads the same fields as package secrets (see redact.Inspect), with
// one difference: binary payloads are skipped, the string values of
// members "data" and "blob" of an object that also has a "mimeType" member
// (MCP image and audio content, blob resource contents). They are base64,
// where digit runs would pass for card or phone numbers, and a replacement
// would only corrupt them.
package pii

import (
	"context"
	"fmt"
	"regexp"

	"github.com/nyaruka/phonenumbers"

	"github.com/mcpmesh/mcpmesh/interceptors"
	"github.com/mcpmesh/mcpmesh/interceptors/redact"
)

// Detector is the compiled form of a server's Rule list.
type Detector struct {
	rules []rule
}

var _ interceptors.Interceptor = (*Detector)(nil)

type rule struct {
	kind      string
	name      string // in findings and in [REDACTED:<name>]
	action    interceptors.RuleAction
	mode      interceptors.Mode
	requests  bool
	responses bool
	re        *regexp.Regexp // kind regex
	region    string         // kind phone: default region, "" for international numbers only
}

// Match is one piece of personal data in a text.
type Match struct {
	Rule       string // the rule's name
	Start, End int
}

var validName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`)

// New compiles rules. Empty fields take defaults: name = kind (a regex rule
// must be named), action redact, mode enforce, both directions. A phone
// rule without a region finds international numbers ("+" and country
// code) only.
func New(rules []Rule) (*Detector, error) {
	d := &Detector{}
	names := map[string]bool{}
	for i, r := range rules {
		c := rule{kind: r.Kind, name: r.Name, action: r.Action, mode: r.Mode, region: r.Region}
		where := fmt.Sprintf("pii rule %d (%s)", i, r.Kind)
		switch r.Kind {
		case KindEmail, KindCard, KindIBAN, KindPhone:
			if r.Pattern != "" {
				return nil, fmt.Errorf("%s: a pattern is only for kind %q", where, KindRegex)
			}
			if c.name == "" {
				c.name = r.Kind
			}
		case KindRegex:
			if r.Name == "" {
				return nil, fmt.Errorf("%s: a regex rule needs a name", where)
			}
			if r.Pattern == "" {
				return nil, fmt.Errorf("%s: a regex rule needs a pattern", where)
			}
			re, err := regexp.Compile(r.Pattern)
			if err != nil {
				return nil, fmt.Errorf("%s: pattern: %w", where, err)
			}
			if re.MatchString("") {
				return nil, fmt.Errorf("%s: pattern %q matches the empty string", where, r.Pattern)
			}
			c.re = re
		default:
			return nil, fmt.Errorf("%s: unknown kind; want email, card, iban, phone or regex", where)
		}
		if !validName.MatchString(c.name) {
			return nil, fmt.Errorf("%s: name %q: use letters, digits, '_', '.', '-' (at most 64)", where, c.name)
		}
		if names[c.name] {
			return nil, fmt.Errorf("%s: name %q is used twice", where, c.name)
		}
		names[c.name] = true
		if r.Region != "" {
			if r.Kind != KindPhone {
				return nil, fmt.Errorf("%s: a region is only for kind %q", where, KindPhone)
			}
			if phonenumbers.GetCountryCodeForRegion(r.Region) == 0 {
				return nil, fmt.Errorf("%s: unknown region %q", where, r.Region)
			}
		}
		switch c.action {
		case "":
			c.action = interceptors.ActionRedact
		case interceptors.ActionBlock, interceptors.ActionRedact, interceptors.ActionAudit:
		default:
			return nil, fmt.Errorf("%s: action %q: want block, redact or audit", where, r.Action)
		}
		switch c.mode {
		case "":
			c.mode = interceptors.Enforce
		case interceptors.Enforce, interceptors.AuditOnly:
		default:
			return nil, fmt.Errorf("%s: mode %q: want enforce or audit", where, r.Mode)
		}
		switch r.Direction {
		case "":
			c.requests, c.responses = true, true
		case "requests":
			c.requests = true
		case "responses":
			c.responses = true
		default:
			return nil, fmt.Errorf("%s: direction %q: want requests, responses or empty for both", where, r.Direction)
		}
		d.rules = append(d.rules, c)
	}
	return d, nil
}

// Name implements interceptors.Interceptor.
func (d *Detector) Name() string { return "pii" }

// Intercept implements interceptors.Interceptor (see redact.Inspect): each
// rule acts on the messages of its direction.
func (d *Detector) Intercept(ctx context.Context, x *interceptors.Exchange) error {
	if len(d.rules) == 0 {
		return nil
	}
	return redact.Inspect(ctx, x, "pii", redact.Options{SkipBinary: true}, d.detect)
}

func (d *Detector) detect(dir interceptors.Direction, _ string, _ []string, text string, dst []redact.Detection) []redact.Detection {
	for i := range d.rules {
		r := &d.rules[i]
		if dir == interceptors.ToServer && !r.requests || dir == interceptors.ToClient && !r.responses {
			continue
		}
		n := len(dst)
		det := redact.Detection{Rule: r.name, Action: r.action, Mode: r.mode}
		r.find(text, func(start, end int) {
			// An earlier rule has it (a card is no phone number), unless the
			// earlier rule acts more weakly: a block or redaction must not
			// be lost to an audit rule listed before it.
			for _, p := range dst[:n] {
				if p.Start < end && start < p.End && strength(p) >= strength(det) {
					return
				}
			}
			det.Start, det.End = start, end
			dst = append(dst, det)
		})
	}
	return dst
}

// strength orders what a detection does: an enforced block, an enforced
// redaction, then anything that only reports.
func strength(d redact.Detection) int {
	if d.Mode != interceptors.Enforce {
		return 0
	}
	switch d.Action {
	case interceptors.ActionBlock:
		return 2
	case interceptors.ActionRedact:
		return 1
	}
	return 0
}

// Find returns the personal data in text that the rules find, in rule
// order, whatever their direction.
func (d *Detector) Find(text string) []Match {
	var out []Match
	for i := range d.rules {
		r := &d.rules[i]
		r.find(text, func(start, end int) { out = append(out, Match{Rule: r.name, Start: start, End: end}) })
	}
	return out
}

func (r *rule) find(text string, emit func(start, end int)) {
	switch r.kind {
	case KindEmail:
		findEmails(text, emit)
	case KindCard:
		findCards(text, emit)
	case KindIBAN:
		findIBANs(text, emit)
	case KindPhone:
		findPhones(text, r.region, emit)
	case KindRegex:
		for _, loc := range r.re.FindAllStringIndex(text, -1) {
			if loc[1] > loc[0] {
				emit(loc[0], loc[1])
			}
		}
	}
}
