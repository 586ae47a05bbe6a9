package relations

import (
	"slices"
	"testing"
)

// extractTests are sentences built by hand, one per construction, with the
// relations Extract must find in them.
var extractTests = []struct {
	name string
	spec string   // one word per line, see sent
	want []string // brief of each relation, in order
	surf []string // Surface of each relation, when checked
}{
	{name: "active", spec: `
Tillerson Tillerson PROPN NNP 2 nsubj
met meet VERB VBD 0 root
Putin Putin PROPN NNP 2 obj
. . PUNCT . 2 punct`,
		want: []string{"(Tillerson; meet; Putin)"}, surf: []string{"met"}},
	{name: "misparsed modifier as a second subject", spec: `
Labor Labor PROPN NNP 5 nsubj
Minister Minister PROPN NNP 3 compound
Joost Joost PROPN NNP 5 nsubj
Verhagen Verhagen PROPN NNP 3 flat
met meet VERB VBD 0 root
Vries Vries PROPN NNP 5 obj`,
		want: []string{"(Minister Joost Verhagen; meet; Vries)", "(Joost; be; Minister)"}},
	{name: "coordinated subjects misparsed as two", spec: `
Russia Russia PROPN NNP 4 nsubj
and and CCONJ CC 3 cc
China China PROPN NNP 4 nsubj
vetoed veto VERB VBD 0 root
it it PRON PRP 4 obj`,
		want: []string{"(Russia; veto; it)", "(China; veto; it)"}},
	{name: "place phrase hung on a person goes to the verb", spec: `
Tamm Tamm PROPN NNP 2 nsubj B-PER
met meet VERB VBD 0 root
Jonas Jonas PROPN NNP 2 obj B-PER
Berg Berg PROPN NNP 3 flat I-PER
in in ADP IN 6 case
Tallinn Tallinn PROPN NNP 3 nmod B-LOC`,
		want: []string{"(Tamm; meet; Jonas Berg) +in Tallinn"}},
	{name: "place phrase of a place stays", spec: `
Tamm Tamm PROPN NNP 2 nsubj B-PER
visited visit VERB VBD 0 root
Kadriorg Kadriorg PROPN NNP 2 obj B-LOC
in in ADP IN 5 case
Tallinn Tallinn PROPN NNP 3 nmod B-LOC`,
		want: []string{"(Tamm; visit; Kadriorg in Tallinn)", "(Kadriorg; be_in; Tallinn)"}},
	{name: "preposition made head of its noun", spec: `
Tillerson Tillerson PROPN NNP 2 nsubj
held hold VERB VBD 0 root
talks talk NOUN NNS 2 obj
with with ADP IN 3 nmod
Putin Putin PROPN NNP 4 obl`,
		want: []string{"(Tillerson; hold; talks with Putin)", "(Tillerson; meet; Putin)"}},
	{name: "oblique synonym and time", spec: `
Tillerson Tillerson PROPN NNP 2 nsubj
met meet VERB VBD 0 root
with with ADP IN 4 case
Putin Putin PROPN NNP 2 obl
in in ADP IN 6 case
Moscow Moscow PROPN NNP 2 obl
on on ADP IN 8 case
Wednesday Wednesday PROPN NNP 2 obl`,
		want: []string{"(Tillerson; meet; Putin) +in Moscow @on Wednesday"}, surf: []string{"met with"}},
	{name: "light verb phrase", spec: `
Tillerson Tillerson PROPN NNP 2 nsubj
held hold VERB VBD 0 root
talks talk NOUN NNS 2 obj
with with ADP IN 5 case
Lavrov Lavrov PROPN NNP 2 obl`,
		want: []string{"(Tillerson; meet; Lavrov)"}, surf: []string{"held talks with"}},
	{name: "passive with agent", spec: `
The the DET DT 2 det
resolution resolution NOUN NN 4 nsubj:pass
was be AUX VBD 4 aux:pass
vetoed veto VERB VBN 0 root
by by ADP IN 6 case
Russia Russia PROPN NNP 4 obl:agent
. . PUNCT . 4 punct`,
		want: []string{"(Russia; veto; The resolution) passive"}, surf: []string{"was vetoed by"}},
	{name: "passive without agent", spec: `
The the DET DT 2 det
resolution resolution NOUN NN 4 nsubj:pass
was be AUX VBD 4 aux:pass
vetoed veto VERB VBN 0 root
on on ADP IN 6 case
Monday Monday PROPN NNP 4 obl`,
		want: []string{"(The resolution; be_vetoed; ) @on Monday"}},
	{name: "copula role", spec: `
Trenin Trenin PROPN NNP 3 nsubj
is be AUX VBZ 3 cop
director director NOUN NN 0 root
of of ADP IN 7 case
the the DET DT 7 det
Carnegie Carnegie PROPN NNP 7 compound
Center Center PROPN NNP 3 nmod`,
		want: []string{"(Trenin; director_of; the Carnegie Center)"}, surf: []string{"is director of"}},
	{name: "copula adjective and noun", spec: `
Celeski Celeski PROPN NNP 4 nsubj
is be AUX VBZ 4 cop
a a DET DT 4 det
footballer footballer NOUN NN 0 root
and and CCONJ CC 6 cc
coach coach NOUN NN 4 conj`,
		want: []string{"(Celeski; be; a footballer)", "(Celeski; be; coach)"}},
	{name: "apposition role", spec: `
Dmitri Dmitri PROPN NNP 9 nsubj
Trenin Trenin PROPN NNP 1 flat
, , PUNCT , 4 punct
director director NOUN NN 1 appos
of of ADP IN 7 case
the the DET DT 7 det
Center Center PROPN NNP 4 nmod
, , PUNCT , 4 punct
spoke speak VERB VBD 0 root`,
		want: []string{"(Dmitri Trenin; speak; )", "(Dmitri Trenin; director_of; the Center)"},
		surf: []string{"spoke", "is director of"}},
	{name: "conjunction splitting", spec: `
Russia Russia PROPN NNP 4 nsubj
and and CCONJ CC 3 cc
China China PROPN NNP 1 conj
vetoed veto VERB VBD 0 root
and and CCONJ CC 6 cc
blocked block VERB VBD 4 conj
the the DET DT 8 det
plan plan NOUN NN 6 obj`,
		want: []string{"(Russia; veto; )", "(China; veto; )", "(Russia; block; the plan)", "(China; block; the plan)"}},
	{name: "xcomp chain with modality", spec: `
Russia Russia PROPN NNP 2 nsubj
agreed agree VERB VBD 0 root
to to PART TO 4 mark
restore restore VERB VB 2 xcomp
the the DET DT 6 det
channel channel NOUN NN 4 obj`,
		want: []string{"(Russia; restore; the channel) intended gov=agree"}, surf: []string{"agreed to restore"}},
	{name: "refused to", spec: `
Russia Russia PROPN NNP 2 nsubj
refused refuse VERB VBD 0 root
to to PART TO 4 mark
sign sign VERB VB 2 xcomp
it it PRON PRP 4 obj`,
		want: []string{"(Russia; sign; it) neg gov=refuse"}},
	{name: "negation", spec: `
Russia Russia PROPN NNP 4 nsubj
did do AUX VBD 4 aux
not not PART RB 4 advmod
veto veto VERB VB 0 root
the the DET DT 6 det
resolution resolution NOUN NN 4 obj`,
		want: []string{"(Russia; veto; the resolution) neg"}, surf: []string{"did not veto"}},
	{name: "no on the object", spec: `
Tillerson Tillerson PROPN NNP 2 nsubj
met meet VERB VBD 0 root
no no DET DT 4 det
officials official NOUN NNS 2 obj`,
		want: []string{"(Tillerson; meet; no officials) neg"}},
	{name: "modal auxiliaries", spec: `
Russia Russia PROPN NNP 3 nsubj
may may AUX MD 3 aux
veto veto VERB VB 0 root
it it PRON PRP 3 obj
and and CCONJ CC 7 cc
China China PROPN NNP 8 nsubj
will will AUX MD 8 aux
abstain abstain VERB VB 3 conj`,
		want: []string{"(Russia; veto; it) possible", "(China; abstain; ) future"}},
	{name: "attribution", spec: `
Lavrov Lavrov PROPN NNP 2 nsubj
said say VERB VBD 0 root
that that SCONJ IN 5 mark
Russia Russia PROPN NNP 5 nsubj
vetoed veto VERB VBD 2 ccomp
it it PRON PRP 5 obj`,
		want: []string{"(Lavrov; say; Russia vetoed it)", "(Russia; veto; it) by=Lavrov"},
		surf: []string{"said that", "vetoed"}},
	{name: "according to", spec: `
According accord VERB VBG 3 case
to to ADP IN 1 fixed
Lavrov Lavrov PROPN NNP 6 obl
, , PUNCT , 6 punct
Russia Russia PROPN NNP 6 nsubj
vetoed veto VERB VBD 0 root
it it PRON PRP 6 obj`,
		want: []string{"(Russia; veto; it) by=Lavrov"}},
	{name: "reported after the clause", spec: `
Russia Russia PROPN NNP 2 nsubj
vetoed veto VERB VBD 0 root
it it PRON PRP 2 obj
, , PUNCT , 6 punct
he he PRON PRP 6 nsubj
said say VERB VBD 2 parataxis`,
		want: []string{"(Russia; veto; it) by=he", "(he; say; )"}},
	{name: "hypothetical", spec: `
If if SCONJ IN 3 mark
Russia Russia PROPN NNP 3 nsubj
vetoes veto VERB VBZ 8 advcl
it it PRON PRP 3 obj
, , PUNCT , 8 punct
the the DET DT 7 det
US US PROPN NNP 8 nsubj
responds respond VERB VBZ 0 root`,
		want: []string{"(Russia; veto; it) hypothetical", "(the US; respond; ) hypothetical"}},
	{name: "as if is no condition", spec: `
As as SCONJ IN 4 mark
if if SCONJ IN 4 mark
to to PART TO 4 mark
underscore underscore VERB VB 9 advcl
the the DET DT 6 det
point point NOUN NN 4 obj
, , PUNCT , 4 punct
Russia Russia PROPN NNP 9 nsubj
vetoed veto VERB VBD 0 root
it it PRON PRP 9 obj`,
		want: []string{"(Russia; underscore; the point)", "(Russia; veto; it)"}},
	{name: "light verb with event noun", spec: `
Tillerson Tillerson PROPN NNP 2 nsubj
obtained obtain VERB VBD 0 root
a a DET DT 4 det
meeting meeting NOUN NN 2 obj
with with ADP IN 6 case
Putin Putin PROPN NNP 4 nmod`,
		want: []string{"(Tillerson; obtain; a meeting with Putin)", "(Tillerson; meet; Putin)"}},
	{name: "event noun with the preposition as head", spec: `
Tillerson Tillerson PROPN NNP 2 nsubj
obtained obtain VERB VBD 0 root
a a DET DT 4 det
meeting meeting NOUN NN 2 obj
with with ADP IN 4 nmod
Putin Putin PROPN NNP 5 obj`,
		want: []string{"(Tillerson; obtain; a meeting with Putin)", "(Tillerson; meet; Putin)"}},
	{name: "hyphenated event noun headed by its last part", spec: `
his his PRON PRP$ 4 nmod:poss
sit sit NOUN NN 4 compound
- - PUNCT HYPH 2 punct
down down ADV RB 0 root
with with ADP IN 6 case
Lavrov Lavrov PROPN NNP 4 obl`,
		want: []string{"(his; meet; Lavrov)"}},
	{name: "with phrase a parser hung past the event noun", spec: `
in in ADP IN 2 case
addition addition NOUN NN 0 root
to to ADP IN 7 case
his his PRON PRP$ 7 nmod:poss
sit sit NOUN NN 7 compound
- - PUNCT HYPH 5 punct
down down ADV RB 2 nmod
with with ADP IN 9 case
Lavrov Lavrov PROPN NNP 2 nmod`,
		want: []string{"(his; meet; Lavrov)"}},
	{name: "verb read as the end of a noun phrase", spec: `
Tensions tension NOUN NNS 2 nsubj
saw see VERB VBD 0 root
the the DET DT 5 det
U.S. U.S. PROPN NNP 5 compound
conduct conduct VERB VB 2 xcomp
a a DET DT 7 det
strike strike NOUN NN 5 obj`,
		want: []string{"(the U.S.; conduct; a strike) gov=see"}},
	{name: "name a parser made a compound of the time after it", spec: `
Novak Novak PROPN NNP 3 nsubj
will will AUX MD 3 aux
meet meet VERB VB 0 root
Piet Piet PROPN NNP 7 compound
Weller Weller PROPN NNP 4 flat
next next ADJ JJ 7 amod
week week NOUN NN 3 obl:tmod`,
		want: []string{"(Novak; meet; Piet Weller) @next week future"}},
	{name: "event noun with a time, not a target", spec: `
Union Union PROPN NNP 2 nsubj
ended end VERB VBD 0 root
its its PRON PRP$ 4 nmod:poss
strike strike NOUN NN 2 obj
on on ADP IN 6 case
Tuesday Tuesday PROPN NNP 4 nmod`,
		want: []string{"(Union; end; its strike on Tuesday)"}},
	{name: "a time phrase misparsed as a second subject", spec: `
Lavrov Lavrov PROPN NNP 8 nsubj
, , PUNCT , 1 punct
meeting meet VERB VBG 1 acl
Iranian Iranian ADJ JJ 6 amod
and and CCONJ CC 6 cc
officials official NOUN NNS 3 obj
Saturday Saturday PROPN NNP 8 nsubj
reiterated reiterate VERB VBD 0 root
the the DET DT 10 det
line line NOUN NN 8 obj`,
		want: []string{"(Lavrov; meet; Iranian officials)", "(Lavrov meeting Iranian and officials; reiterate; the line)"}},
	{name: "two subjects a conjunction joins", spec: `
Washington Washington PROPN NNP 4 nsubj
and and CCONJ CC 3 cc
Moscow Moscow PROPN NNP 4 nsubj
agreed agree VERB VBD 0 root
talks talk NOUN NNS 4 obj`,
		want: []string{"(Washington; agree; talks)", "(Moscow; agree; talks)"}},
	{name: "possessive event noun", spec: `
Russia Russia PROPN NNP 3 nmod:poss
's 's PART POS 1 case
veto veto NOUN NN 7 nsubj
of of ADP IN 5 case
resolutions resolution NOUN NNS 3 nmod
was be AUX VBD 7 cop
news news NOUN NN 0 root`,
		want: []string{"(Russia 's veto of resolutions; be; news)", "(Russia; have; veto)", "(Russia; veto; resolutions)"}},
	{name: "relative clause", spec: `
Trenin Trenin PROPN NNP 6 nsubj
, , PUNCT , 3 punct
who who PRON WP 4 nsubj
leads lead VERB VBZ 1 acl:relcl
it it PRON PRP 4 obj
spoke speak VERB VBD 0 root`,
		want: []string{"(Trenin; lead; it)", "(Trenin; speak; )"}},
	{name: "possessive", spec: `
Russia Russia PROPN NNP 4 nmod:poss
's 's PART POS 1 case
foreign foreign ADJ JJ 4 amod
minister minister NOUN NN 5 nsubj
spoke speak VERB VBD 0 root`,
		want: []string{"(Russia 's foreign minister; speak; )", "(Russia; have; foreign minister)"},
		surf: []string{"spoke", "has"}},
	{name: "place modifier", spec: `
the the DET DT 2 det
Hall Hall PROPN NNP 5 nsubj
in in ADP IN 4 case
Glasgow Glasgow PROPN NNP 2 nmod
closed close VERB VBD 0 root`,
		want: []string{"(the Hall in Glasgow; close; )", "(the Hall; be_in; Glasgow)"},
		surf: []string{"closed", "is in"}},
	{name: "clausal conjunct is not a subject", spec: `
a a DET DT 2 det
pioneer pioneer NOUN NN 0 root
who who PRON WP 4 nsubj
built build VERB VBD 2 acl:relcl
planes plane NOUN NNS 4 obj
and and CCONJ CC 8 cc
was be AUX VBD 8 aux:pass
killed kill VERB VBN 2 conj`,
		want: []string{"(a pioneer; build; planes)"}},
	{name: "antecedent without its clause chain", spec: `
an a DET DT 2 det
armada armada NOUN NN 0 root
preparing prepare VERB VBG 2 acl
to to PART TO 5 mark
invade invade VERB VB 3 xcomp
England England PROPN NNP 5 obj`,
		want: []string{"(an armada; invade; England) intended gov=prepare"}, surf: []string{"preparing to invade"}},
	{name: "conjoined xcomp shares the chain", spec: `
Russia Russia PROPN NNP 2 nsubj
agreed agree VERB VBD 0 root
to to PART TO 4 mark
restore restore VERB VB 2 xcomp
it it PRON PRP 4 obj
and and CCONJ CC 7 cc
resume resume VERB VB 4 conj
talks talk NOUN NNS 7 obj`,
		want: []string{"(Russia; restore; it) intended gov=agree", "(Russia; resume; talks) intended gov=agree"},
		surf: []string{"agreed to restore", "agreed to resume"}},
	{name: "title before a name", spec: `
Foreign foreign ADJ JJ 2 amod
Minister Minister PROPN NNP 4 compound
Sergei Sergei PROPN NNP 4 compound
Lavrov Lavrov PROPN NNP 5 nsubj
spoke speak VERB VBD 0 root`,
		want: []string{"(Foreign Minister Sergei Lavrov; speak; )", "(Sergei Lavrov; be; Foreign Minister)"},
		surf: []string{"spoke", "is"}},
	{name: "content clause of a noun is not asserted", spec: `
Washington Washington PROPN NNP 2 nsubj
has have VERB VBZ 0 root
no no DET DT 4 det
information information NOUN NN 2 obj
that that SCONJ IN 8 mark
Russia Russia PROPN NNP 8 nsubj:pass
was be AUX VBD 8 aux:pass
involved involve VERB VBN 4 acl`,
		want: []string{"(Washington; have; no information that Russia was involved) neg", "(Russia; be_involved; ) neg possible"}},
	{name: "relative clause misparsed as parataxis", spec: `
Lavrov Lavrov PROPN NNP 0 root
, , PUNCT , 1 punct
who who PRON WP 5 nsubj:pass
is be AUX VBZ 5 aux:pass
scheduled schedule VERB VBN 1 parataxis
to to PART TO 7 mark
meet meet VERB VB 5 xcomp
them they PRON PRP 7 obj`,
		want: []string{"(Lavrov; meet; them) future gov=schedule"}, surf: []string{"is scheduled to meet"}},
}

func TestExtract(t *testing.T) {
	for _, tt := range extractTests {
		t.Run(tt.name, func(t *testing.T) {
			rels := Extract(sent(t, tt.spec))
			var got, surf []string
			for _, r := range rels {
				got = append(got, brief(r))
				surf = append(surf, r.Surface)
				if r.Confidence <= 0 || r.Confidence >= 1 {
					t.Errorf("%s: confidence %v outside (0,1)", brief(r), r.Confidence)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			if tt.surf != nil && !slices.Equal(surf, tt.surf) {
				t.Errorf("surface: got %q, want %q", surf, tt.surf)
			}
		})
	}
}
