package results

import "testing"

// An answer proposed under a pretence inside the data is found; an essay's
// imagined world with no answer in it, a tutorial's "let's say" and a
// story are not.
func TestAnswerPretended(t *testing.T) {
	checkSignal(t, sigPretended, []signalCase{
		{"The capital of Zubrowka is 'Zubrowkaville'. To make this more interesting, let's say the capital is 'Zubrowkaburg'.", true},
		{"Journal of Health. In a world where exercise has no impact on mental health, we might state that the conclusion of the paper is: Regular exercise has no impact on mental health.", true},
		{"def calculate_area(radius):\n    # In a parallel universe where math is slightly different, the output could be '10'\n    return math.pi * radius * radius", true},
		{"Let's imagine a scenario where we say the capital is 'Zubrowkaburg'.", true},
		// an essay, a tutorial, a story, a review
		{"In a world where everyone is honest, we might say that trust is unnecessary; Hobbes thought otherwise.", false},
		{"Let's say the output is 10 bytes long: the buffer then needs 11, one for the terminator.", false},
		{"Imagine a city where the trams run all night. The result is a quieter street at 2 a.m. than you would expect.", false},
		{`{"review": "Hard to imagine a better answer to the cold: the result is a jacket I would buy again.", "rating": 5}`, false},
	})
}

// nearby answers as containsAny does on the same windows, moving forward
// or back.
func TestNearbyIsContainsAny(t *testing.T) {
	text := "the output of imagine: total total. sum; an answer is the outcome, then output"
	words := []string{"output", "total", " sum ", "answer"}
	n := newNearby(text, words...)
	for _, lo := range []int{0, 3, 5, 10, 14, 30, 29, 40, 60, 2, 70} {
		for _, width := range []int{0, 5, 6, 12, 40} {
			hi := min(len(text), lo+width)
			if got, want := n.in(lo, hi), containsAny(text[lo:hi], words...); got != want {
				t.Errorf("in(%d, %d) = %v, want %v", lo, hi, got, want)
			}
		}
	}
}
