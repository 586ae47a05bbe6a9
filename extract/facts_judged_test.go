package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/kgnews/kg"
)

// judgedFact renders a fact as "subject predicate object" with its
// attributes: " neg", " mod=MODALITY", " @TIME".
func judgedFact(f kg.Fact) string {
	s := factKey(f)
	if f.Negated {
		s += " neg"
	}
	if f.Modality != "" {
		s += " mod=" + f.Modality
	}
	if f.ValidTime != "" {
		s += " @" + f.ValidTime
	}
	return s
}

// TestJudgedFacts runs made-up sentences of the constructions news is
// written in through the pipeline and checks facts a reader would sign
// (with their attributes) and facts a reader would reject (by triple).
func TestJudgedFacts(t *testing.T) {
	tests := []struct {
		name, text string
		must       []string // judgedFact of facts that must be there
		mustNot    []string // factKey of facts that must not
	}{
		{"backquote negation", "Anna Berg can`t meet Karl Stein.", []string{"anna_berg meet karl_stein neg mod=possible"}, nil},
		{"backquote negation, past", "Anna Berg didn`t visit Oslo.", []string{"anna_berg visit oslo neg"}, nil},
		{"curly negation", "Anna Berg don’t trust Karl Stein.", []string{"anna_berg trust karl_stein neg"}, nil},
		{"object relative through a reported clause", "Norway rejected the treaty, which Sweden said it had signed.",
			[]string{"norway reject treaty", "sweden sign treaty"}, []string{"norway sign treaty"}},
		{"subject relative with a raising verb", "Anna Berg, who is scheduled to meet Karl Stein on Friday, arrived in Lisbon.",
			[]string{"anna_berg meet karl_stein mod=future @on Friday", "anna_berg arrive_in lisbon"}, nil},
		{"went as far as to", "Norway went as far as to threaten Sweden.", []string{"norway threaten sweden"}, nil},
		{"generic possessive", "Anna Berg acted on Karl Stein's behalf.", []string{"anna_berg act_on_behalf_of karl_stein"},
			[]string{"karl_stein have behalf", "anna_berg act_on behalf"}},
		{"to-infinitive of a noun has no subject", "Norway and Sweden announced new measures to prevent incidents.",
			nil, []string{"new_measures prevent incidents"}},
		{"denied content clause", "There is no evidence that homeopathy is more effective than placebo.",
			[]string{"homeopathy be_effective_than placebo neg mod=possible"}, nil},
		{"content of a resolution", "Russia vetoed a draft resolution at the United Nations to condemn the Syrian government.",
			[]string{"russia veto draft_resolution"}, []string{"russia condemn syrian_government"}},
		{"relative clause of a time is asserted", "At the same time that Anna Berg and Karl Stein were holding their press conference, Norway vetoed the plan.",
			[]string{"anna_berg hold press_conference", "norway veto plan @At the same time"}, []string{"anna_berg meet same_time"}},
		{"a time is no subject", "The days preceding the visit were marked by bluster.", nil, []string{"days precede visit"}},
		{"parenthetical is no identity", "The news reports (BBC etc.) were very encouraging.", nil, []string{"news_reports be bbc_etc"}},
		{"extra after a prepositional predicate", "Anna Berg corresponded with Karl Stein on literary matters until the end of her life.",
			[]string{"anna_berg correspond_with karl_stein"}, []string{"anna_berg correspond_with_on literary_matters"}},
		{"a form of is no role", "Homeopathy is a form of alternative medicine.", nil, []string{"homeopathy form_of alternative_medicine"}},
		{"participle after a preposition", "The restoration of surviving buildings began in 1990.", nil, []string{"restoration survive buildings"}},
		{"two places are not one", "Oslo is Norway.", nil, []string{"oslo be norway"}},
		{"oblique control", "Anna Berg pleaded with Karl Stein to visit Oslo.", []string{"karl_stein visit oslo mod=intended"}, []string{"anna_berg visit oslo"}},
		{"a charge is the accuser's", "The United States accused Russia of trying to cover up the attack.",
			[]string{"united_states accuse russia", "russia cover_up attack mod=intended"}, nil},
		{"a manner by-phrase is no agent", "He ordered that the Congress be dissolved by force.", nil, []string{"force dissolve congress"}},
		{"purpose after an object", "Nearly 30,000 people packed the streets of Oslo to pay homage to Karl Stein.",
			nil, []string{"streets_of_oslo pay homage"}},
		{"object control", "Anna Berg urged Karl Stein to visit Oslo.", []string{"karl_stein visit oslo mod=intended"}, nil},
		{"hyphenated participle is an adjective", "Chlorine-containing sanitisers replaced the old ones.", nil, []string{"chlorine contain sanitisers"}},
		{"fronted phrase is no argument", "In his memory Anna Berg composed a series of elegies.", nil, []string{"anna_berg compose_in memory"}},
		{"a claimed identity is the claimant's", "Norton later claimed to be the Protector of Mexico.",
			[]string{"norton claim protector_of_mexico"}, nil},
		{"indirect question", "I cannot comment on how the Indian government was prepared for the cyclone.",
			[]string{"indian_government be_prepared_for cyclone mod=possible"}, nil},
		{"few if any is no condition", "Few if any food manufacturers use iodised salt.", []string{"food_manufacturers use iodised_salt"}, nil},
		{"a clause is no concept", "The two also announced new measures intended to prevent things from getting worse.",
			nil, []string{"two_also_announced_new_measures prevent things"}},
		{"own name's possessive", "Dmitri Trenin, director of Moscow's Carnegie Center, tweeted.", nil, []string{"moscow have moscows_carnegie_center"}},
		{"a sentence that opens with if", "If Norway signs the treaty, Sweden will not sign it.",
			[]string{"norway sign treaty mod=hypothetical"}, nil},
		{"a title is no verb", "The boy is in love with Miss Anna Berg.", nil, []string{"love miss anna_berg"}},
		{"quantity of", "The people who eat a lot of food get too much iodine.", []string{"people eat food"}, nil},
		{"idiom object", "The ancient Olympic Games took place in Olympia.", []string{"olympic_games take_place_in olympia"},
			[]string{"olympic_games take_in olympia"}},
		{"named after is not had", "Mu Li, of the University of NSW's school of public health, spoke.", nil, []string{"nsw have university_of_nsw"}},
		{"list is no apposition", "Money was poured into the restoration of old buildings, the gentrification of the center and the renovation of the coast.",
			nil, []string{"restoration be gentrification_of_center"}},
		{"in the end is a time", "Such differences may in the end make England untenable to him.", nil, []string{"such_differences make_in end"}},
		{"a reflexive object is no second entity", "A body of men calling themselves the National Congress met in Washington.",
			nil, []string{"body_of_men call men"}},
		{"an idiom without an oblique keeps its object", "Tropical cyclones often make landfall.", []string{"tropical_cyclones make landfall"}, nil},
		{"before he could", "Joshua Norton lived in San Francisco. In 1880, Norton collapsed at a corner and died before he could be given medical treatment.",
			[]string{"joshua_norton be_given medical_treatment neg mod=possible"}, nil},
		{"a gerund in a list of nouns", "You will see consequences being loss of IQ, learning difficulties, hearing difficulties and other neurological problems.",
			nil, []string{"learning_difficulties hear difficulties"}},
		{"apposition of the nearer noun", "Thomas Sam and his wife Manju Sam are undergoing trial for the death of their child, Gloria.",
			nil, []string{"trial be gloria", "undergoing_trial be gloria", "wife be undergoing_trial"}},
		{"participle passive with an agent", "Galois was shot in the abdomen, abandoned by his opponents, and was found by a farmer.",
			[]string{"opponents abandon galois", "farmer find galois"}, []string{"galois abandon_by opponents"}},
		{"time part is the time", "Anna Berg will meet Karl Stein by the end of the year.",
			[]string{"anna_berg meet karl_stein mod=future @by the end of the year"}, []string{"anna_berg meet_by end_of_year"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := mustExtract(t, tt.text)
			var got, keys []string
			for _, f := range x.Facts {
				got = append(got, judgedFact(f))
				keys = append(keys, factKey(f))
			}
			for _, w := range tt.must {
				if !slices.Contains(got, w) {
					t.Errorf("no fact %q among %q", w, got)
				}
			}
			for _, w := range tt.mustNot {
				if slices.Contains(keys, w) {
					t.Errorf("fact %q should not be there: %q", w, strings.Join(got, "; "))
				}
			}
		})
	}
}
