package poisoning

// "Mandatory" is how API documentation marks what a call must carry:
// "Exact Work Item Name (mandatory)", "Mandatory UDF fields must be
// included", "MANDATORY input: workItemName", "a mandatory pre-create
// check". Said of the call's fields, inputs or steps, the word states
// what the request needs, not an authority over the reader; it is held
// as the orders within the call are (holdScoped) and counts only beside
// a signal that reaches past the call. "MANDATORY: …" heading an order
// of its own, or a mandatory instruction, directive or protocol, is
// still the authority's claim.

// requiredNouns are what a request's requiredness is said of.
var requiredNouns = map[string]bool{
	"field": true, "fields": true, "input": true, "inputs": true, "parameter": true, "parameters": true,
	"param": true, "params": true, "value": true, "values": true, "argument": true, "arguments": true,
	"property": true, "properties": true, "attribute": true, "attributes": true, "column": true, "columns": true,
	"header": true, "headers": true, "step": true, "steps": true, "check": true, "checks": true, "option": true,
	"options": true, "setting": true, "settings": true, "id": true, "ids": true, "udf": true, "udfs": true,
}

// requirednessMark reports whether the authority cue c, matched at ws[i],
// is the word "mandatory" or "required" marking what the call carries:
// in parentheses after a name ("Name (mandatory)"), or before one of
// requiredNouns within two words in its sentence ("mandatory UDF fields",
// "MANDATORY input:").
func requirednessMark(c *cue, t string, ws []span, i int) bool {
	if len(c.words) != 1 || c.words[0] != "mandatory" && c.words[0] != "required" {
		return false
	}
	if ws[i].start > 0 && t[ws[i].start-1] == '(' && ws[i].end < len(t) && t[ws[i].end] == ')' {
		return i > 0 && !sentenceBetween(t, ws, i-1, i)
	}
	return wordAhead(t, ws, i, 2, requiredNouns)
}
