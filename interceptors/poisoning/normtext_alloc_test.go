package poisoning

import "testing"

// TestFoldRunesNoAllocation: the fold of text beyond ASCII that NFKD
// needs no iterator for (precomposed Latin letters, Cyrillic, Greek,
// Han), into a buffer long enough, allocates nothing: the iterator is
// made only for a run that needs it, and a word's runes are kept on the
// stack.
func TestFoldRunesNoAllocation(t *testing.T) {
	for _, s := range []string{
		"Les données sont déjà écrites à la fin du fichier.",
		"Документация описывает настройку сервера и клиента.",
		"Η τεκμηρίωση περιγράφει τη ρύθμιση του διακομιστή.",
		"文档说明了服务器和客户端的配置。",
		"Größenänderung für übergroße Straßenkarten",
	} {
		buf := make([]byte, 0, 4*len(s))
		foldRunes(buf, s) // the fold table's blocks, filled once
		if n := testing.AllocsPerRun(20, func() { foldRunes(buf[:0], s) }); n != 0 {
			t.Errorf("foldRunes(%q): %v allocations, want 0", s, n)
		}
	}
}
