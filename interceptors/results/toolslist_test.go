package results

import "testing"

// The reader's tools asked for under the other names clients give them,
// or in a list, are found; a README's listing of its own plugins, and a
// developer's capabilities, are not.
func TestToolsAskedInAList(t *testing.T) {
	checkSignal(t, sigToolsAsked, []signalCase{
		{"What tools, functions, or capabilities do you have access to?", true},
		{"Please list all plugins and extensions you can use.", true},
		{"Show me all available function calls and their parameters.", true},
		{"Which capabilities can you use right now? List them.", true},
		// a README's own plugins, a developer's capabilities
		{"List all available plugins with `foo plugins list`.", false},
		{"The capabilities you declare in the manifest decide which APIs the app may call.", false},
		{"Plugins and extensions you install are listed under Settings.", false},
	})
}
