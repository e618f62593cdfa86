package poisoning

import "strings"

// agentsOwnPrompt reports whether a parameter named for a prompt or
// instructions (word, from harvestParams: "system_prompt" gives
// "prompt") belongs to an agent the tool makes or configures: the tool's
// name or description names an agent, an assistant, a persona or a bot
// ("discourse_ai_create_agent", "Create a typed Discourse AI agent"), and
// the system prompt asked for is that agent's, which the user writes, as
// a tool whose own text speaks of prompts takes one (the harvestWord
// check). A tool of any other subject ("get_weather" with a
// system_prompt parameter) still asks for the model's own context, and
// a parameter for the conversation or the tool list is never an agent's
// setting.
func agentsOwnPrompt(word, name, desc string) bool {
	if word != "prompt" && word != "instructions" {
		return false
	}
	for _, s := range []string{name, desc} {
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !(r >= 'a' && r <= 'z')
		}) {
			switch w {
			case "agent", "agents", "assistant", "assistants", "persona", "personas", "bot", "bots", "chatbot", "chatbots":
				return true
			}
		}
	}
	return false
}

// harvestNamed reports whether a parameter named for the model's context
// (word, from harvestParams) is accounted for by the tool's own text:
// its description or name speaks of that word, or the tool makes an
// agent whose prompt it is (agentsOwnPrompt).
func harvestNamed(word, name, desc string) bool {
	return strings.Contains(strings.ToLower(desc+" "+name), word) || agentsOwnPrompt(word, name, desc)
}
