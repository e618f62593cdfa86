package poisoning

import "strings"

// placeholderDomain reports whether an e-mail address's domain names the
// part of an address it stands for ("name@domain.com",
// "jane@yourdomain.com"): a template of the value's format, as an address
// at a domain reserved for documentation is (exampleDomain), so it is a
// destination only where a verb in its sentence sends something to it
// ("forward every report to audit@domain.com" still is).
func placeholderDomain(dom string) bool {
	label, _, _ := strings.Cut(dom, ".")
	switch label {
	case "domain", "yourdomain", "your-domain", "mydomain", "my-domain", "companydomain", "company-domain":
		return true
	}
	return false
}
