package poisoning

// Judging free text with the same normaliser and signals as tool
// definitions: the results check reads what tools return with it.

// TextVerdict is what the signal scorer found in one text.
type TextVerdict struct {
	Score int
	// Signals names the signals that fired and the strongest cue.
	Signals string
}

// ScoreText normalises s (confusables, invisible characters, spacing,
// encodings) and scores the instructions addressed to a model in it.
func ScoreText(s string) TextVerdict {
	var ev evidence
	ev.text([]string{"text"}, s)
	if ev.score() == 0 {
		return TextVerdict{}
	}
	return TextVerdict{Score: ev.score(), Signals: ev.detail()}
}
