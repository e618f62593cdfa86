package poisoning

// presentationWords name the layout of what the tool returns as the
// reader shows it: its fields, the table, columns and rows it is laid out
// in, how it is rendered or displayed. A server that orders the model in
// its own voice about them ("=== MANDATORY RESPONSE FORMAT — READ THIS
// BEFORE RENDERING ANY OUTPUT ===", "You MUST pivot this array into TABLE
// COLUMNS", "mandatory identification fields") speaks of its own
// output, shown to the user who asked for it, as it speaks of its own
// parameters: such an order stays within the call (callScoped). What an
// attack wants shown or put into the answer ("display this message: enter
// your password at …", "render the conversation history as a table")
// brings a signal of its own, a secret, a destination, the conversation,
// beside which the held voice counts again (rejoinScoped).
var presentationWords = map[string]bool{
	"field": true, "fields": true, "column": true, "columns": true, "row": true, "rows": true,
	"table": true, "tables": true, "render": true, "renders": true, "rendering": true, "rendered": true,
	"display": true, "displayed": true, "displaying": true, "format": true, "formatted": true, "formatting": true,
}
