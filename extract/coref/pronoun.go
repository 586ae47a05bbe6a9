package coref

import "github.com/kgnews/kg"

// profile is what a cluster's mentions say about its entity: bit sets of
// the numbers, genders, animacies, persons and entity types seen.
type profile struct {
	num, gen, anim, person, typ uint8
}

// typeBits sorts entity types into persons and other named things: NER
// confuses organizations and places (a country is both), so only a person
// against anything else is a clash.
var typeBits = map[kg.EntityType]uint8{kg.Person: 1, kg.Organization: 2, kg.Place: 2, kg.Event: 2}

// add records what mention m says.
func (p *profile) add(m *ment) {
	{
		if m.num != 0 {
			p.num |= 1 << m.num
		}
		if m.gen != 0 {
			p.gen |= 1 << m.gen
		}
		if m.anim != 0 {
			p.anim |= 1 << m.anim
		}
		if m.Pronoun {
			p.person |= 1 << m.pron.person
		} else {
			p.person |= 1 << 3
		}
		p.typ |= typeBits[m.Type]
	}
}

// cinfo is what a cluster's mentions say, kept up to date as clusters merge.
type cinfo struct {
	prof  profile
	size  int
	named bool            // has a named mention
	heads map[string]bool // heads of its mentions that are neither pronouns nor coordinations
	words map[string]bool // words of those mentions
	mods  map[string]bool // modifiers before the head of its named mentions
}

func newCinfo(m *ment) *cinfo {
	c := &cinfo{size: 1, named: m.Named && !m.coord, heads: map[string]bool{}, words: map[string]bool{}, mods: map[string]bool{}}
	c.prof.add(m)
	if m.Pronoun || m.coord {
		return c
	}
	c.heads[m.head] = true
	for _, w := range m.words {
		c.words[w] = true
	}
	if m.Named {
		for _, w := range m.mods {
			c.mods[w] = true
		}
	}
	return c
}

// absorb adds cluster o's information to c.
func (c *cinfo) absorb(o *cinfo) {
	c.prof.num |= o.prof.num
	c.prof.gen |= o.prof.gen
	c.prof.anim |= o.prof.anim
	c.prof.person |= o.prof.person
	c.prof.typ |= o.prof.typ
	c.size += o.size
	c.named = c.named || o.named
	for _, set := range [][2]map[string]bool{{c.heads, o.heads}, {c.words, o.words}, {c.mods, o.mods}} {
		for w := range set[1] {
			set[0][w] = true
		}
	}
}

// clash reports whether two bit sets are both known and disjoint.
func clash(a, b uint8) bool { return a != 0 && b != 0 && a&b == 0 }

// compatible reports whether two clusters may be one entity: they agree in
// number, gender, animacy and entity type wherever both are known.
func (r *resolver) compatible(x, y *cinfo) bool {
	px, py := x.prof, y.prof
	return !clash(px.num, py.num) && !clash(px.gen, py.gen) && !clash(px.anim, py.anim) && !clash(px.typ, py.typ)
}

// pronounLink allows a third person pronoun to refer to a candidate that
// agrees with it and that syntax does not rule out.
func (r *resolver) pronounLink(m, a *ment) bool {
	if !m.Pronoun || m.pron.person != 3 || m.pron.demonstr {
		return false
	}
	if r.nested(m, a) || temporalNouns[a.head] && !a.Named {
		return false
	}
	sameSent := m.Sentence == a.Sentence
	if m.pron.reflexive && (!sameSent || a.Pronoun && !a.pron.known) {
		return false
	}
	if m.pron.reflexive && m.verbHead >= 0 && r.hasSubject(m.Sentence, m.verbHead) &&
		(a.verbHead != m.verbHead || baseRel(a.rel) != "nsubj") {
		return false // "Assad has brought this upon himself": the subject of its own verb
	}
	if !m.pron.reflexive && !m.pron.possessive && sameSent && m.verbHead == a.verbHead && m.verbHead >= 0 {
		return false // "he saw him": co-arguments of one verb are not the same person
	}
	ca := r.cluster(a)
	if ca.prof.person&(1<<3) == 0 {
		return false // a cluster of first or second person pronouns only
	}
	if a.quote != m.quote && a.Pronoun {
		return false
	}
	return r.compatible(r.cluster(m), ca)
}

// hasSubject reports whether word v of sentence si has a nominal subject.
func (r *resolver) hasSubject(si, v int) bool {
	for _, c := range r.trees[si].children[v] {
		if baseRel(r.trees[si].toks[c].Rel) == "nsubj" {
			return true
		}
	}
	return false
}

// salience scores an antecedent for a pronoun: recent, subject, named and
// often mentioned entities come first.
func (r *resolver) salience(m, a *ment) float64 {
	w := &weights
	s := -float64(m.Sentence - a.Sentence)
	switch baseRel(a.rel) {
	case "nsubj":
		s += w.subject
	case "obj", "iobj":
		s += w.object
	}
	if a.Named {
		s += w.named
	}
	if a.Pronoun && a.pron.gender == m.pron.gender && a.pron.number == m.pron.number {
		s += w.samePronoun
	}
	ca := r.cluster(a)
	s += w.perMention * float64(min(ca.size-1, 5))
	if m.pron.animacy != 0 && !a.Pronoun && a.anim == m.pron.animacy {
		s += w.animacy // known to be a person for he and she, a thing for it
	}
	s -= w.depth * float64(a.depth)
	if a.Sentence == m.Sentence && r.governs(a, m) {
		s += w.governing
	}
	if a.Sentence == m.Sentence {
		s += 0.01 * float64(a.Start-m.Start) / float64(len(r.sents[m.Sentence].Tokens)+1)
	}
	return s
}

// weights are the salience bonuses, in sentences of distance: a subject one
// sentence back ties with an object in the same sentence when subject −
// object = 1.
var weights = struct {
	subject, object, named, samePronoun, perMention, animacy, depth, governing float64
}{subject: 0.8, object: 0.3, named: 0.3, samePronoun: 0.2, perMention: 0.1, animacy: 0.3, depth: 0.05, governing: 0.3}

// governs reports whether a is the subject of a clause that contains m
// ("Tillerson praised his sit-down", not "Putin did not receive him,
// Tillerson praised his sit-down" for Putin).
func (r *resolver) governs(a, m *ment) bool {
	if baseRel(a.rel) != "nsubj" || a.verbHead < 0 {
		return false
	}
	t := r.trees[m.Sentence]
	for h, d := m.synHead, 0; h >= 0 && d <= len(t.toks); h, d = t.head(h), d+1 {
		if h == a.verbHead {
			return true
		}
	}
	return false
}
