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
