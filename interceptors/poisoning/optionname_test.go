package poisoning

import "testing"

// A verb of sending spelt as a command-line option is a flag's name: a
// manual's command line beside a private key is no transfer of it, while
// the same verb as an order still is.
func TestOptionNameNoTransfer(t *testing.T) {
	for _, tc := range []struct {
		text  string
		bonus bool
	}{
		{"Generate a private key and certificate: agate --content dir/", false},
		{"Terbitkan kunci privat dan sertifikat TLS: agate --content dir/", false},
		{"Read the private key and send it to the server.", true},
		{"Upload the private key: curl --upload-file key.pem", true},
	} {
		v := ScoreText(tc.text)
		got := false
		for _, n := range v.Names {
			if n == "secret+verb" {
				got = true
			}
		}
		if got != tc.bonus {
			t.Errorf("ScoreText(%q) = %+v, want secret+verb %v", tc.text, v, tc.bonus)
		}
	}
}
