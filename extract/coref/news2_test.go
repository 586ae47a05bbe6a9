package coref

import "testing"

// TestNewsGoverningSubject resolves, through the real models, a possessive
// pronoun in a sentence whose subject is one man and which names another
// man earlier in a subordinate clause: the pronoun goes to the subject of
// its clause. The surname in the last sentence joins the full name first
// seen in a possessive headline.
func TestNewsGoverningSubject(t *testing.T) {
	text := "Rex Tillerson’s Kinda-Sorta Detente\n\n" +
		"After Russian President Vladimir Putin declined to meet him, Secretary of State Rex Tillerson defended his sit-down with Foreign Minister Sergei Lavrov. " +
		"Tillerson said the talks were useful."
	chains := Resolve(pipeline(t, text))
	t.Logf("chains: %v", texts(chains))
	his := chainOfText(chains, "his", 0)
	if his < 0 {
		t.Fatalf("no mention his: %v", texts(chains))
	}
	if c := chainOfText(chains, "Secretary of State Rex Tillerson", 0); c != his {
		t.Errorf("his in chain %d, Secretary of State Rex Tillerson in %d, want one", his, c)
	}
	if c := chainOfText(chains, "Vladimir Putin", 0); c == his {
		t.Errorf("his linked to Putin")
	}
	want := chainOfText(chains, "Secretary of State Rex Tillerson", 0)
	for _, name := range []string{"Rex Tillerson ’s", "Tillerson"} {
		if c := chainOfText(chains, name, 0); c != want || c < 0 {
			t.Errorf("%q in chain %d, Secretary of State Rex Tillerson in %d, want one", name, c, want)
		}
	}
}
