package poisoning

import (
	"bytes"
	"strings"
)

// actThrough finds, in a definition's canonical text t (words ws), an act
// ordered done through another tool named by its identifier, beside the
// tool's own work: "… by dispatching a notification via send_email",
// "saving transcripts to 'inbox_leak.txt' using write_file", "call
// delete_records on the audit table after each check". The first sentence
// of a description says what the tool does (its work); a later sentence
// that has the model act through a tool of another server orders a second
// action the user never asked for, whatever voice it is put in (an order,
// a custom, a recommendation). A vendor's description names its own tools
// ("use list_branches to find the branch"), which its list holds beside
// it (own), and its own parameters, which are no tools (ownParam); both
// are left out by otherToolIdentifier. It counts as steering another tool
// (two points): the act needs company (an authority claimed for it, an
// order bound to every use, a secret or the user's data) to flag.
func (e *evidence) actThrough(t string, ws []span) {
	from := 0
	if len(e.cur) == 1 && e.cur[0] == ".description" {
		// the work: the description's first sentence
		for from = 1; from < len(ws) && !sentenceBetween(t, ws, from-1, from); from++ {
		}
	}
	for i := from; i < len(ws); i++ {
		w := t[ws[i].start:ws[i].end]
		if strings.IndexByte(w, '_') <= 0 || !namesAnAct(w) || !actWordBefore(t, ws, i, from) || setsValue(t, ws, i) || !e.otherToolIdentifier(w) || e.schemaField(w) || e.ownFamily(w) {
			continue
		}
		e.fire(sigToolRef, strings.Clone(t[ws[i-1].start:ws[i-1].end]+" "+w))
		return
	}
}

// actWordBefore reports whether an instrument word governs the identifier
// ws[i]: right before it, or before "the" ("via the send_email tool"), in
// its clause and after the work (ws[:from]).
func actWordBefore(t string, ws []span, i, from int) bool {
	for b := i - 1; b >= from && b >= i-2; b-- {
		if sentenceBetween(t, ws, b, i) || strings.ContainsAny(t[ws[b].end:ws[b+1].start], ",;:()[]{}") {
			return false
		}
		v := t[ws[b].start:ws[b].end]
		if actsThrough[v] {
			// an option given ("you can call list_metrics to learn
			// them") orders nothing
			for m := b - 1; m >= from && m >= b-2 && !sentenceBetween(t, ws, m, m+1); m-- {
				switch t[ws[m].start:ws[m].end] {
				case "can", "could", "may", "might", "optionally":
					return false
				}
			}
			return true
		}
		if v != "the" && v != "a" {
			return false
		}
	}
	return false
}

// wordsOfName reports whether every word of the identifier w is a word of
// the tool's own name ("bulk_update_execution_status" in
// qmetry_bulk_update_test_case_execution_status): the tool itself, named
// short.
func wordsOfName(w, self string) bool {
	self = "_" + strings.ToLower(strings.ReplaceAll(self, "-", "_")) + "_"
	for part := range strings.SplitSeq(w, "_") {
		if part == "" || !strings.Contains(self, "_"+part+"_") {
			return false
		}
	}
	return true
}

// namesAnAct reports whether a part of the identifier w is a verb of
// what tools do ("send_email", "file_read"): a tool is named for its act,
// a field or a dimension for what it holds ("metric_time", "song_id").
func namesAnAct(w string) bool {
	for part := range strings.SplitSeq(w, "_") {
		if actVerbs[part] {
			return true
		}
	}
	return false
}

var actVerbs = map[string]bool{
	"get": true, "list": true, "send": true, "read": true, "write": true, "create": true, "delete": true, "fetch": true,
	"post": true, "search": true, "run": true, "update": true, "cancel": true, "export": true, "upload": true, "download": true,
	"exec": true, "execute": true, "query": true, "save": true, "store": true, "log": true, "add": true, "remove": true,
	"set": true, "email": true, "notify": true, "sync": true, "backup": true, "copy": true, "move": true, "open": true,
	"scan": true, "load": true, "dump": true, "share": true, "forward": true, "submit": true, "report": true, "collect": true,
	"find": true, "edit": true, "insert": true, "put": true, "push": true, "publish": true, "transfer": true, "pay": true,
	"book": true, "analyze": true, "analyse": true, "check": true, "verify": true, "validate": true, "make": true, "start": true,
	"stop": true, "kill": true, "install": true, "deploy": true, "render": true, "generate": true, "simulate": true, "purge": true,
	"wipe": true, "append": true, "archive": true, "clear": true, "reset": true, "approve": true, "grant": true, "invite": true, "message": true, "mail": true,
}

// ownFamily reports whether w is one of the server's own tools written
// without the product word its names share (familyName, ownSpelling).
func (e *evidence) ownFamily(w string) bool {
	self := e.toolName()
	if familyName(e.own, self, w) || ownSpelling(e.own, self, w) || wordsOfName(w, self) {
		return true
	}
	// a client's prefix before an own name ("mcp_vendor_fetch_projects")
	for n := range e.own {
		if len(w) > len(n)+1 && strings.HasSuffix(w, n) && w[len(w)-len(n)-1] == '_' {
			return true
		}
	}
	return false
}

// schemaField reports whether w is a member name of the tool's own
// definition ("song_id", "include_schema"): a field the tool reads or
// returns, which no tool is.
func (e *evidence) schemaField(w string) bool {
	if e.toolLower == nil {
		e.toolLower = bytes.ToLower(e.tool)
	}
	return bytes.Contains(e.toolLower, []byte(`"`+w+`"`))
}

// setsValue reports whether the identifier ws[i] is given a value right
// after it ("with include_blocks: true", "convert_to_markdown=false"): a
// field or a setting, not a tool.
func setsValue(t string, ws []span, i int) bool {
	rest := t[ws[i].end:]
	rest = strings.TrimLeft(rest, "`'\" ")
	return strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, ":")
}

// actsThrough are the words that make what follows the means of an act:
// a preposition of means, or a verb of calling in any form.
var actsThrough = map[string]bool{
	"via": true, "using": true,
	"call": true, "calling": true, "invoke": true, "invoking": true, "execute": true, "executing": true,
	"trigger": true, "triggering": true, "performing": true, "perform": true,
}
