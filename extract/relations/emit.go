package relations

import (
	"strings"
)

// emit pairs the frame of predicate p with its subjects and appends one
// relation per subject and object.
func (x *extractor) emit(p int, subs []int, f *frame) {
	t := x.t
	passive := len(f.agents) > 0
	agents := subs
	if passive {
		agents, f.objs = f.agents, nil
		for _, s := range subs {
			f.objs = append(f.objs, x.arg(s, t.argSpan(s, t.below(p, s), true)))
		}
	}
	var args []Argument
	for _, s := range agents {
		args = append(args, x.arg(s, t.argSpan(s, t.below(p, s), true)))
	}
	x.emitWith(p, args, f)
}

// emitWith appends one relation per subject and object of predicate p.
func (x *extractor) emitWith(p int, subs []Argument, f *frame) {
	t := x.t
	ctx := x.context(p)
	words := uniqueSorted(f.words)
	surface := t.text(words)
	switch {
	case f.kind == kindPoss:
		surface = f.synth // "has" for the "'s" the sentence writes
	case f.synth != "":
		surface = strings.TrimSpace(f.synth + " " + surface)
	}
	pred := lex.canonical(strings.Join(f.pred, "_"))
	for _, subj := range subs {
		if len(subj.Tokens) == 0 {
			continue
		}
		base := Relation{Subject: subj, Extra: f.extras, Predicate: pred, Surface: surface,
			RelTokens: words, Passive: len(f.agents) > 0, Negated: ctx.negated || x.negative(subj.Head),
			Modality: ctx.modality, Governor: ctx.governor, AttributedTo: ctx.attrib, Time: f.time}
		if len(f.objs) == 0 {
			base.Confidence = x.confidence(p, &base, f)
			x.out = append(x.out, base)
			continue
		}
		for k := range f.objs {
			r := base
			r.Object = &f.objs[k]
			r.Negated = r.Negated || x.negative(f.objs[k].Head)
			r.Confidence = x.confidence(p, &r, f)
			x.out = append(x.out, r)
		}
	}
}

// negative reports whether argument head a is negated by "no" or is "nobody",
// "nothing" or "none", which negate the whole fact ("met no one").
func (x *extractor) negative(a int) bool {
	t := x.t
	switch t.lem[a] {
	case "nobody", "nothing", "none", "noone":
		return true
	}
	for _, c := range t.kids[a] {
		if t.base(c) == "det" && t.lem[c] == "no" {
			return true
		}
	}
	return false
}

func uniqueSorted(a []int) []int {
	out := append([]int(nil), a...)
	sortInts(out)
	k := 0
	for i, v := range out {
		if i == 0 || v != out[k-1] {
			out[k] = v
			k++
		}
	}
	return out[:k]
}
