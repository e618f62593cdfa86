package toolglob

// ValidPattern reports whether pat is a usable tool name pattern.
func ValidPattern(pat string) bool {
	if pat == "" {
		return false
	}
	for _, r := range pat {
		if r < 0x20 || r == 0x7f {
			return false
		}
	}
	return true
}
