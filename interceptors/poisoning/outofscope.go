package poisoning

import "strings"

// A parameter is what the model fills in to call the tool, so a parameter
// named for a person's secret asks the model for it as plainly as an order
// would. A tool that logs in, connects, pays or keeps a wallet says so in
// its work (its name and its description), and its password, card or key
// parameter is what that work needs. A parameter for a password, a PIN, an
// identity number, a card, a bank account, a wallet's key or a one-time
// code on a tool whose work names nothing of the kind (a weather lookup
// with a `password`, a unit converter with a `card_number`) asks for data
// the call does not need: an out-of-scope parameter (MSB, arXiv:2510.15994),
// filled in from what the user said or what the model can find.

// personalSecretParam returns the kind of secret a parameter name (in
// paramKey's form) asks for, or "".
func personalSecretParam(k string) string {
	// no iterator and no closure: k stays on the caller's stack
	kind := ""
	for rest := k; rest != ""; {
		part, next, _ := strings.Cut(rest, "_")
		switch part {
		case "require", "requires", "required", "enable", "enabled", "has", "is", "use", "allow", "allowed", "protected", "protection", "reset", "length", "policy", "min", "max":
			// a setting about the secret ("requirePassword",
			// "pin_enabled") asks for none
			return ""
		case "password", "passwd", "pwd", "passphrase", "passcode":
			kind = "password"
		case "pin":
			kind = "pin"
		case "ssn", "maiden":
			kind = "identity"
		case "cvv", "cvc":
			kind = "card"
		case "iban":
			kind = "bank"
		case "mnemonic":
			kind = "key"
		case "otp", "totp":
			kind = "otp"
		case "social", "credit", "card", "bank", "routing", "account", "seed", "private", "wallet", "mfa", "2fa", "security", "national":
			if kind == "" {
				kind = pairedSecret(part, next)
			}
		}
		rest = next
	}
	return kind
}

// pairedSecret returns the kind of secret two words of a name make
// ("credit_card", "bank_account", "seed_phrase"), or "".
func pairedSecret(part, next string) string {
	second, _, _ := strings.Cut(next, "_")
	switch part + "_" + second {
	case "social_security", "national_id", "security_answer":
		return "identity"
	case "credit_card", "card_number":
		return "card"
	case "bank_account", "routing_number", "account_number":
		return "bank"
	case "seed_phrase", "private_key", "wallet_key":
		return "key"
	case "mfa_code", "2fa_code":
		return "otp"
	}
	return ""
}

// secretWork names, by kind of secret, the words of a work that needs it.
var secretWork = map[string][]string{
	"password": {"password", "passwd", "login", "log in", "log-in", "sign in", "sign-in", "signin", "auth", "credential", "account", "user", "database", "connect", "ssh", "smtp", "ftp", "imap", "vault", "secret", "encrypt", "decrypt", "zip", "archive", "pdf", "wifi", "wi-fi", "register", "sign up", "signup", "keystore", "certificate", "proxy", "server", "host", "mailbox", "mail", "webhook", "form", "smtp", "machine", "vps", "instance"},
	"pin":      {"pin", "card", "bank", "atm", "phone", "sim", "device", "lock", "wallet", "pay"},
	"identity": {"ssn", "social security", "identity", "kyc", "tax", "payroll", "employee", "background", "recovery", "verify", "verification", "citizen"},
	"card":     {"card", "payment", "pay", "checkout", "billing", "purchase", "order", "charge", "wallet", "subscription", "invoice", "donat"},
	"bank":     {"bank", "payment", "pay", "transfer", "payroll", "invoice", "billing", "wire", "payout", "account", "finance", "refund"},
	"key":      {"key", "wallet", "crypto", "sign", "encrypt", "decrypt", "certificate", "ssh", "chain", "ethereum", "solana", "bitcoin", "token", "transaction", "mnemonic", "seed"},
	"otp":      {"otp", "mfa", "2fa", "totp", "verification", "verify", "login", "log in", "sign in", "auth", "code"},
}

// nameSpacer writes a tool name's separators as spaces ("log_in" → "log in").
var nameSpacer = strings.NewReplacer("_", " ", "-", " ")

// secretInWork reports whether the tool's work (its name and description,
// lower-cased) concerns the kind of secret.
func secretInWork(kind, name, desc string) bool {
	work := strings.ToLower(nameSpacer.Replace(name) + " " + desc)
	for _, w := range secretWork[kind] {
		if strings.Contains(work, w) {
			return true
		}
	}
	return false
}
