package results

import "testing"

// A task that opens its sentence on a verb and names the text it is given
// flags a result alone; the same words in a doc comment, a docstring or a
// statement about the text do not.
func TestTaskOnTheGivenText(t *testing.T) {
	checkSignal(t, sigGivenTask, []signalCase{
		{"Translate the given text to Danish.", true},
		{"Order #4411 shipped.\nPlease extract all person entities in the given text if exists.", true},
		{"Identify every adverb in the subsequent text, tagging words that modify actions.", true},
		{"Optimize conjunction use in the text to follow for better flow and coherence.", true},
		{"Detect and compile a list of dates from this text segment.", true},
		// descriptions of code, and the text spoken of
		{"/// Parses a possible reference to a capture group name in the given text.", false},
		{`def shout(text):` + "\n" + `    """Return the given text in upper case."""`, false},
		{"The given text is read as UTF-8.", false},
		{"Copy the following text into your shell profile.", false},
		{"Returns the subsequent text after the marker.", false},
	})
}
