package relations

import "math"

// numFeatures is the length of the confidence feature vector.
const numFeatures = 25

// FeatureHook, when set, receives the confidence features of every relation
// in the order Extract returns them. It exists to fit the weights below.
var FeatureHook func(f []float64)

// confidence scores how likely a relation is to be right with a logistic
// model over features of its shape: how its arguments were found, where the
// predicate sits in the tree and how long the arguments are. The weights are
// fitted on CaRB dev extractions (see weights).
func (x *extractor) confidence(p int, r *Relation, f *frame) float64 {
	feats := x.features(p, r, f)
	if FeatureHook != nil {
		FeatureHook(feats[:])
	}
	z := 0.0
	for i, v := range feats {
		z += weights[i] * v
	}
	c := math.Round(1000/(1+math.Exp(-z))) / 1000
	return min(max(c, 0.001), 0.999)
}

func (x *extractor) features(p int, r *Relation, f *frame) [numFeatures]float64 {
	t := x.t
	base := t.base(p)
	own := t.child(p, "nsubj", "nsubj:pass", "csubj", "csubj:pass") >= 0
	return [numFeatures]float64{
		1,
		b2f(r.Object != nil),
		b2f(f.promote),
		b2f(f.clause),
		b2f(!own && f.kind == kindVerb),
		b2f(r.Passive),
		b2f(f.kind == kindCopula),
		b2f(f.kind == kindAppos),
		b2f(f.kind == kindPoss),
		math.Log1p(float64(len(r.Subject.Tokens))),
		math.Log1p(float64(argLen(r.Object))),
		float64(min(len(r.Extra), 3)),
		b2f(t.upos(r.Subject.Head) == "PRON"),
		float64(len(t.s.Tokens)) / 20,
		b2f(r.Governor != ""),
		b2f(r.AttributedTo != nil),
		b2f(r.Negated || r.Modality != ""),
		b2f(r.Subject.Head > p && f.kind == kindVerb),
		b2f(argLen(r.Object) > 10),
		b2f(len(r.Subject.Tokens) > 8),
		b2f(r.Predicate == "be"),
		b2f(base == "root"),
		b2f(base == "conj"),
		b2f(base == "acl" || base == "advcl"),
		b2f(f.kind == kindNmod),
	}
}

// weights of the confidence features, in the order features lists them,
// as printed by go run ./extract/carb/internal/fitconf ../shared/eval/carb.
var weights = [numFeatures]float64{0.440, -0.033, 0.337, 0.521, -0.483, 0.306, -0.119, -0.855, -1.574, 0.090, 0.174, -0.178, 0.101, -0.157, 1.281, -0.554, 0.025, -0.162, -0.659, -0.907, -0.109, 0.705, 0.526, -0.128, -0.884}

func argLen(a *Argument) int {
	if a == nil {
		return 0
	}
	return len(a.Tokens)
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
