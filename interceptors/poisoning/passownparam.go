package poisoning

import "strings"

// "Pass the value via \"allow_localhost\"", "pass the text as `query`":
// the order to pass a value as one of the tool's own parameters says how
// to fill in the call, as every parameter's description does. The
// exfiltration phrase "pass its content as …" is the attack's last step
// only where what is passed was gathered from past the call (a file, a
// secret, the conversation), which its own cues and phrases read; passed
// as no parameter of the tool, or with such a thing in the sentence, the
// phrase still counts.

// passesOwnParam reports whether the phrase match m, ending at end in
// text, is an order to pass a value ("pass … as|in|into|via") whose
// object right after it is one of the tool's own parameters, quoted or
// not, and its sentence before the match names no file, path or secret.
func (e *evidence) passesOwnParam(text, m string, end int) bool {
	if !strings.HasPrefix(m, "pass ") || len(e.tool) == 0 {
		return false
	}
	rest := strings.TrimLeft(text[end:], " \"'`")
	n := 0
	for n < len(rest) && (wordByte(rest[n]) || rest[n] == '_' || rest[n] == '-' || rest[n] == '.') {
		n++
	}
	if n == 0 || !e.ownParam(strings.TrimRight(rest[:n], ".")) {
		return false
	}
	start := strings.LastIndexAny(text[:end-len(m)], ".!?\n") + 1
	before := text[start : end-len(m)]
	return !strings.ContainsAny(before, "~/\\") && !strings.Contains(before, "secret") && !strings.Contains(before, "key") && !strings.Contains(before, "password") && !strings.Contains(before, "token") && !strings.Contains(before, "conversation")
}

// phraseSkip is ownStepsIn for the phrase matches in text, which also
// passes over an order to pass a value as one of the tool's own
// parameters (passesOwnParam).
func (e *evidence) phraseSkip(text string) func(string, int) bool {
	own := e.ownStepsIn(text)
	return func(m string, end int) bool {
		return own(m, end) || e.passesOwnParam(text, m, end) || deniedOrNamedText(text, m, end)
	}
}
