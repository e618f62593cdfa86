package poisoning

// A server written as code says where its tools live in the words of its
// code: "Uses the native connection cursor pattern, consistent with all
// other tools in this module." A module (or library) that the sentence
// calls "this" is the code the tool is defined in, so its other tools are
// the server's own, as "other tools in this toolkit" are (ownproduct.go).
// "Other tools" with no such scope, or in a kind any server offers
// ("other database tools"), still push the model's choice.
func init() {
	for _, w := range []string{"module", "library"} {
		ownScopeWords[w] = true
	}
}
