package tokenize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/kgnews/kg"
)

func TestSentencesTokens(t *testing.T) {
	tests := []struct {
		name, text, want string // want: the words, separated by spaces
	}{
		{"negation", "I don't know.", "I do n't know ."},
		{"irregular negation", "We can't, won't or ain't.", "We ca n't , wo n't or ai n't ."},
		{"fusions", "I'm gonna go, I cannot wait", "I 'm gon na go , I can not wait"},
		{"clitics", "It's John's; they're here, we'll see, I've, he'd", "It 's John 's ; they 're here , we 'll see , I 've , he 'd"},
		{"curly apostrophe", "It’s Iran’s turn", "It ’s Iran ’s turn"},
		{"backquote apostrophe", "I can`t, it`s Iran`s", "I ca n`t , it `s Iran `s"},
		{"plural possessive", "the states' rights", "the states ' rights"},
		{"no apostrophe", "dont worry, it didnt", "do nt worry , it did nt"},
		{"titles", "Mr. Smith met Dr. Jones and Gov. Brown", "Mr. Smith met Dr. Jones and Gov. Brown"},
		{"dotted", "the U.S. at 5 p.m. e.g. now, i.e. later", "the U.S. at 5 p.m. e.g. now , i.e. later"},
		{"initials", "J. K. Rowling wrote", "J. K. Rowling wrote"},
		{"months and companies", "Jan. 5 by Acme Corp. and Foo Inc. staff", "Jan. 5 by Acme Corp. and Foo Inc. staff"},
		{"money and percent", "It costs $4.25, or 3.5% of 1,000.50", "It costs $ 4.25 , or 3.5 % of 1,000.50"},
		{"units", "at 5pm for $170m", "at 5 pm for $ 170 m"},
		{"ordinals stay", "the 21st and 1990s", "the 21st and 1990s"},
		{"url", "Visit https://example.com/a-b?c=d, now", "Visit https://example.com/a-b?c=d , now"},
		{"url in parentheses", "(www.example.org)", "( www.example.org )"},
		{"email", "mail bob.smith@example.org.", "mail bob.smith@example.org ."},
		{"hyphens", "a long-term e-mail, non-human re-run", "a long - term e-mail , non-human re-run"},
		{"phone numbers", "call 713-853-5984 or 853-3242", "call 713-853-5984 or 853-3242"},
		{"ranges", "pages 10-15 in 1990-1995", "pages 10 - 15 in 1990 - 1995"},
		{"double dash", "word--another", "word -- another"},
		{"unicode punctuation", "He said “no” — then left…", "He said “ no ” — then left …"},
		{"en dash", "2001–2005", "2001 – 2005"},
		{"ellipsis", "Wait... what?!", "Wait ... what ?!"},
		{"ellipsis then question", "really...?", "really ... ?"},
		{"slash", "and/or w/o 11/28/2000", "and / or w/o 11/28/2000"},
		{"quotes", `'Hello,' she said "now"`, `' Hello , ' she said " now "`},
		{"doubled quotes", "''We go,'' he said", "'' We go , '' he said"},
		{"brackets", "(see [1] above)", "( see [ 1 ] above )"},
		{"emoticon", "great :) thanks :-(", "great :) thanks :-("},
		{"clock", "at 10:30, done", "at 10:30 , done"},
		{"hashtag number", "#9 on the list", "# 9 on the list"},
		{"asterisks", "sh*t *really* ***", "sh*t * really * ***"},
		{"cut-off word", "I th- think", "I th- think"},
		{"minus sign", "-5 degrees", "- 5 degrees"},
		{"plus signs", "an A+ for 18+ clubs, call +44 20", "an A + for 18 + clubs , call +44 20"},
		{"dollar run", "all about the $$$.", "all about the $$$ ."},
		{"abbreviation and full stop", "CCNG, Inc.. On", "CCNG , Inc. . On"},
		{"alot", "it helps alot", "it helps a lot"},
		{"obfuscated email", "Email: franz371...@gmail.com now", "Email : franz371...@gmail.com now"},
		{"empty", "", ""},
		{"only spaces", " \n\t ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Sentences(tt.text) {
				for _, tok := range s.Tokens {
					got = append(got, tok.Text)
				}
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, g, tt.want)
			}
		})
	}
}

func TestSentencesSplit(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // sentence texts
	}{
		{"two sentences", "Mr. Smith went to Washington. He met Dr. Jones there.",
			[]string{"Mr. Smith went to Washington.", "He met Dr. Jones there."}},
		{"question and exclamation", "Did you see it? I love it! Will buy again.",
			[]string{"Did you see it?", "I love it!", "Will buy again."}},
		{"closing quote", `He said "Stop." Then he left.`, []string{`He said "Stop."`, "Then he left."}},
		{"abbreviations inside", "Prices rose in Jan. and Feb. in the U.S. market.",
			[]string{"Prices rose in Jan. and Feb. in the U.S. market."}},
		{"blank line", "A heading without a stop\n\nThe body follows", []string{"A heading without a stop", "The body follows"}},
		{"title line", "Talks in Moscow end\nThe talks ended on Wednesday without a deal that\nanyone had expected after weeks of talks.",
			[]string{"Talks in Moscow end", "The talks ended on Wednesday without a deal that\nanyone had expected after weeks of talks."}},
		{"numbers", "It grew 3.5 percent to $1,000.50 in 2005.", []string{"It grew 3.5 percent to $1,000.50 in 2005."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := Sentences(tt.text)
			var got []string
			for _, s := range sents {
				got = append(got, s.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
			checkInvariants(t, tt.text, sents, nil)
		})
	}
}

func TestSentenceFinalAbbreviation(t *testing.T) {
	// EWT splits the period off an abbreviation that ends a sentence.
	sents, surf := Analyze("They sell apples, pears, etc.\n\nWe buy them.")
	if len(sents) != 2 {
		t.Fatalf("got %d sentences, want 2", len(sents))
	}
	toks := sents[0].Tokens
	if got := toks[len(toks)-2].Text + " " + toks[len(toks)-1].Text; got != "etc ." {
		t.Errorf("last words = %q, want %q", got, "etc .")
	}
	if n := len(surf[0]); n != len(toks) {
		t.Errorf("got %d surface tokens, want %d", n, len(toks))
	}
}

func TestAnalyzeSurface(t *testing.T) {
	text := "I don't know who's gonna come."
	sents, surf := Analyze(text)
	if len(sents) != 1 || len(surf) != 1 {
		t.Fatalf("got %d sentences and %d surface lists, want 1 and 1", len(sents), len(surf))
	}
	var got []string
	for _, u := range surf[0] {
		var words []string
		for _, w := range sents[0].Tokens[u.First : u.Last+1] {
			words = append(words, w.Text)
		}
		got = append(got, text[u.Start:u.End]+"="+strings.Join(words, "+"))
	}
	want := "I=I don't=do+n't know=know who's=who+'s gonna=gon+na come=come .=."
	if g := strings.Join(got, " "); g != want {
		t.Errorf("surface tokens\n got %q\nwant %q", g, want)
	}
	checkInvariants(t, text, sents, surf)
}

func TestRulesOnly(t *testing.T) {
	var tk Tokenizer // zero value: rules decide boundaries
	if tk.HasModel() {
		t.Fatal("zero Tokenizer has a model")
	}
	text := "The plan failed. Nobody knew why! See Mr. Lee at 5 p.m. today."
	sents := tk.Sentences(text)
	want := []string{"The plan failed.", "Nobody knew why!", "See Mr. Lee at 5 p.m. today."}
	var got []string
	for _, s := range sents {
		got = append(got, s.Text)
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	checkInvariants(t, text, sents, nil)
}

func TestDefaultHasModel(t *testing.T) {
	if err := DefaultError(); err != nil || !Default().HasModel() {
		t.Fatalf("the bundled sentence model did not load from data.Models: %v", err)
	}
}

// checkInvariants fails t unless sentences and tokens are ordered,
// non-overlapping, inside the text, on rune boundaries, and together cover
// every non-space character; surf, when not nil, must group the words.
func checkInvariants(t testing.TB, text string, sents []kg.Sentence, surf [][]Surface) {
	t.Helper()
	bound := map[int]bool{len(text): true}
	for i := range text {
		bound[i] = true
	}
	var covered strings.Builder
	prev := 0
	for k, s := range sents {
		if s.Index != k || s.Start < prev || s.Start >= s.End || s.End > len(text) || !bound[s.Start] || !bound[s.End] {
			t.Fatalf("sentence %d: bad span [%d,%d) index %d in text of %d bytes", k, s.Start, s.End, s.Index, len(text))
		}
		if s.Text != text[s.Start:s.End] {
			t.Fatalf("sentence %d: Text %q is not text[%d:%d]", k, s.Text, s.Start, s.End)
		}
		prev = s.Start
		for j, w := range s.Tokens {
			if w.Start < prev || w.Start >= w.End || w.Start < s.Start || w.End > s.End || !bound[w.Start] || !bound[w.End] {
				t.Fatalf("sentence %d token %d: bad span [%d,%d)", k, j, w.Start, w.End)
			}
			if w.Text != text[w.Start:w.End] || strings.IndexFunc(w.Text, unicode.IsSpace) >= 0 {
				t.Fatalf("sentence %d token %d: Text %q at [%d,%d)", k, j, w.Text, w.Start, w.End)
			}
			covered.WriteString(w.Text)
			prev = w.End
		}
		if surf != nil {
			checkSurface(t, s, surf[k])
		}
	}
	var want strings.Builder
	for i, r := range text {
		if !unicode.IsSpace(r) {
			_, n := utf8.DecodeRuneInString(text[i:])
			want.WriteString(text[i : i+n])
		}
	}
	if covered.String() != want.String() {
		t.Fatalf("tokens do not cover the text:\n got %q\nwant %q", covered.String(), want.String())
	}
}

// checkSurface fails t unless the surface tokens cover the sentence's words
// in order, each spanning exactly its words.
func checkSurface(t testing.TB, s kg.Sentence, surf []Surface) {
	t.Helper()
	next := 0
	for _, u := range surf {
		if u.First != next || u.Last < u.First || u.Last >= len(s.Tokens) {
			t.Fatalf("surface %+v does not follow word %d of %d", u, next, len(s.Tokens))
		}
		if s.Tokens[u.First].Start != u.Start || s.Tokens[u.Last].End != u.End {
			t.Fatalf("surface %+v does not span its words", u)
		}
		next = u.Last + 1
	}
	if next != len(s.Tokens) {
		t.Fatalf("surface tokens cover %d of %d words", next, len(s.Tokens))
	}
}
