package coref

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgnews/kg"
)

// ment is a mention with the features the sieve compares.
type ment struct {
	Mention
	idx      int      // position in document order
	words    []string // lowercased words of the mention
	preHead  []string // lowercased words up to and including the head
	mods     []string // lowercased modifiers before the head (not determiners)
	head     string   // lowercased head word
	headPOS  string   // UPOS of the head
	rel      string   // relation of the syntactic head
	depth    int      // depth of the syntactic head in the tree
	synHead  int      // syntactic head (first word of a flat name)
	pron     pron     // pronoun features when Pronoun
	num      number
	gen      gender
	anim     animacy
	indef    bool   // starts with an indefinite determiner
	coord    bool   // a coordination ("X and Y"), which no head rule links
	quote    int    // id of the quotation it sits in, 0 outside quotes
	verbHead int    // word the mention depends on, -1 for the root
	acr      string // the letters of an acronym-like one-word mention ("UN"), else ""
	initials string // the initials of a named mention of two words or more, else ""
}

// Resolve finds the mentions of a document's sentences and groups them into
// chains, one per entity, singletons included. It never panics on malformed
// input: bad heads are treated as roots. The result is in textual order of
// each chain's first mention.
func Resolve(sents []kg.Sentence) []Chain {
	r := newResolver(sents)
	r.run()
	return r.chains()
}

// resolver holds one document's mentions and their clusters.
type resolver struct {
	sents      []kg.Sentence
	trees      []tree
	ms         []*ment
	cl         []int                         // cluster id of each mention
	members    [][]int                       // mention indices of each cluster, in order; empty once merged away
	info       []*cinfo                      // what each cluster's mentions say, nil once merged away
	trace      func(pass string, m, a *ment) // called on every link, for tests
	texts      map[string]int                // how many mentions have each lowercased text
	heads      map[string]int                // how many mentions that are not pronouns have each head word
	byHead     map[string][]int              // the mentions that are not pronouns, by head word
	hasAcronym bool                          // whether any mention could be an acronym
	quotes     [][]int                       // quotation id of each token of each sentence
}

func newResolver(sents []kg.Sentence) *resolver {
	r := &resolver{sents: sents, trees: make([]tree, len(sents))}
	var qst quoteState
	r.quotes = make([][]int, len(sents))
	for si, s := range sents {
		r.trees[si] = newTree(s)
		qs := quoteIDs(s.Tokens, &qst)
		r.quotes[si] = qs
		for _, m := range detectMentions(si, s) {
			fm := r.features(m, qs)
			fm.idx = len(r.ms)
			r.ms = append(r.ms, fm)
		}
	}
	r.texts, r.heads, r.byHead = map[string]int{}, map[string]int{}, map[string][]int{}
	for _, m := range r.ms {
		r.texts[strings.Join(m.words, " ")]++
		if !m.Pronoun {
			r.heads[m.head]++
			r.byHead[m.head] = append(r.byHead[m.head], m.idx)
		}
		if !m.Pronoun && m.Start+2 >= m.End && acronymLike(m) {
			r.hasAcronym = true
		}
	}
	r.cl = make([]int, len(r.ms))
	r.members = make([][]int, len(r.ms))
	r.info = make([]*cinfo, len(r.ms))
	for i, m := range r.ms {
		r.cl[i] = i
		r.members[i] = []int{i}
		r.info[i] = newCinfo(m)
	}
	return r
}

// quoteState tracks quotations across the sentences of a document.
type quoteState struct {
	next int // id of the last quotation opened
	in   int // id of the open quotation, 0 when none
}

// quoteIDs returns, for each token, the id of the quotation it is in (0
// outside); quotations may span sentences.
func quoteIDs(toks []kg.Token, st *quoteState) []int {
	out := make([]int, len(toks))
	for i, tk := range toks {
		switch tk.Text {
		case "“", "``":
			st.next++
			st.in = st.next
		case "”", "''":
			out[i] = st.in
			st.in = 0
			continue
		case "\"":
			if st.in == 0 {
				st.next++
				st.in = st.next
			} else {
				out[i] = st.in
				st.in = 0
				continue
			}
		}
		out[i] = st.in
	}
	return out
}

// features computes the comparison features of a mention.
func (r *resolver) features(m Mention, quotes []int) *ment {
	t := r.trees[m.Sentence]
	fm := &ment{Mention: m, head: strings.ToLower(t.toks[m.Head].Text), headPOS: t.toks[m.Head].UPOS}
	fm.synHead = m.Head
	// Climb from the name to the phrase's head through flat names and
	// title complements ("Secretary of State Rex Tillerson" parsed with the
	// name flat under "State"), at most once per word of the mention, so
	// that a cycle in a bad parse cannot hold the walk.
	for steps := m.End - m.Start; steps > 0 && fm.synHead > m.Start && t.head(fm.synHead) >= m.Start &&
		(baseRel(t.toks[fm.synHead].Rel) == "flat" || t.inTitle(fm.synHead)); steps-- {
		fm.synHead = t.head(fm.synHead)
	}
	fm.rel = t.toks[fm.synHead].Rel
	fm.verbHead = t.head(fm.synHead)
	for h, d := fm.synHead, 0; h >= 0 && d <= len(t.toks); h, d = t.head(h), d+1 {
		fm.depth = d
	}
	for k := m.Start; k < m.End; k++ {
		if k > m.Head && baseRel(t.toks[k].Rel) == "case" && t.head(k) == fm.synHead {
			continue // "Byron 's" matches "Byron"
		}
		w := strings.ToLower(t.toks[k].Text)
		fm.words = append(fm.words, w)
		if k <= m.Head {
			fm.preHead = append(fm.preHead, w)
		}
		if k < m.Head && t.toks[k].UPOS != "DET" && t.toks[k].UPOS != "PUNCT" && !stopWords[w] {
			fm.mods = append(fm.mods, w)
		}
	}
	fm.indef = len(fm.words) > 0 && indefiniteStarts[fm.words[0]]
	fm.quote = quotes[m.Head]
	if m.Pronoun {
		fm.pron = pronounInfo(t.toks[m.Head].Text)
	}
	fm.coord = !m.Pronoun && coordinated(t, fm)
	if fm.coord {
		fm.Named = false // "Tillerson and Lavrov" names two entities, not one
	}
	fm.acr, fm.initials = acronymForm(fm), initialsOf(fm)
	fm.num, fm.gen, fm.anim = agreement(t, fm)
	if m.Type == kg.Concept && fm.anim == animate && !m.Pronoun {
		fm.Type = kg.Person
	}
	return fm
}

// agreement guesses number, gender and animacy of a mention.
func agreement(t tree, m *ment) (number, gender, animacy) {
	if m.Pronoun {
		return m.pron.number, m.pron.gender, m.pron.animacy
	}
	tk := t.toks[m.Head]
	n := singular
	if strings.Contains(tk.Feats, "Number=Plur") || tk.XPOS == "NNS" || tk.XPOS == "NNPS" || coordinated(t, m) {
		n = plural
	}
	g, a := gender(0), typeAnimacy(m.Type)
	if pg, ok := personNouns[m.head]; ok && !m.Named {
		g, a = pg, animate
	} else if pg, ok := personNouns[strings.ToLower(tk.Lemma)]; ok && !m.Named {
		g, a = pg, animate
	}
	if m.Named && (m.Type == kg.Person || m.Type == kg.Concept) {
		if ng := nameGender(m.words); ng != 0 {
			g, a = ng, animate
		}
	}
	if a == 0 && !m.Named && m.headPOS == "NOUN" && !capitalizedInside(t, m.Head) {
		a = inanimate // a capitalized "noun" inside a sentence is more likely a mistagged name
	}
	if a == inanimate && g == 0 {
		g = neuter
	}
	return n, g, a
}

// capitalizedInside reports whether word i is capitalized and not the
// first word of its sentence.
func capitalizedInside(t tree, i int) bool {
	r, _ := utf8.DecodeRuneInString(t.toks[i].Text)
	return i > 0 && unicode.IsUpper(r)
}

// coordinated reports whether the mention is a coordination ("X and Y").
func coordinated(t tree, m *ment) bool {
	for _, c := range t.children[m.synHead] {
		if baseRel(t.toks[c].Rel) == "conj" && c >= m.Start && c < m.End {
			return true
		}
	}
	return false
}

// nameGender guesses a person's gender from an honorific or a given name.
func nameGender(words []string) gender {
	for _, w := range words {
		if g, ok := titleGender[w]; ok {
			return g
		}
		if maleNames[w] && !femaleNames[w] {
			return male
		}
		if femaleNames[w] && !maleNames[w] {
			return female
		}
	}
	return 0
}
