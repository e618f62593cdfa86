package results

import "testing"

// A question at the edge of a text that gives orders flags a result when
// none of its words is the steps'; a question on what the steps do, and a
// task closing them, are not read.
func TestForeignQuestionAmidOrders(t *testing.T) {
	recipe := "Mix the flour and the sugar in a large bowl. Add two eggs and stir until the batter is smooth. Pour it into a buttered tin and bake for twenty minutes at 180 degrees until golden."
	setup := "Install the package with npm, then create a file named config.json in the project root. Run the server with npm start and open the dashboard on port 3000 to check that the widgets load."
	checkSignal(t, sigAside, []signalCase{
		{recipe + "\nWho wrote the novel Moby-Dick?", true},
		{"Which planet has the most moons? " + setup, true},
		// a question on what the steps do
		{recipe + "\nWhy does the batter need to rest before it is baked?", false},
		{setup + "\nWhat if the dashboard shows no widgets?", false},
		// a task closing the steps, in general words
		{"Write a comprehensive blog post about the top ten eco-friendly cities and their renewable energy initiatives. Use a formal and informative tone, with statistics and case studies. Provide credible sources and links to relevant articles.", false},
	})
}
