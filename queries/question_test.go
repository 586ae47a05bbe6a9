package queries

import (
	"slices"
	"strings"
	"testing"

	"github.com/kgnews/kg"
)

func TestParseQuestion(t *testing.T) {
	tests := []struct {
		in        string
		kind      string
		subj, obj string
		pred      string
		alsoPred  string // another predicate the question must cover
	}{
		{"Who did Tillerson meet?", KindObject, "Tillerson", "", "meet", "meet_with"},
		{"who did tillerson meet", KindObject, "tillerson", "", "meet", ""},
		{"Who did Tillerson hold talks with?", KindObject, "Tillerson", "", "meet", "hold_talk_with"},
		{"Who did Rex Tillerson sit down with?", KindObject, "Rex Tillerson", "", "meet", "sit_down_with"},
		{"Who did Tillerson meet with?", KindObject, "Tillerson", "", "meet", ""},
		{"Who did Lavrov speak with?", KindObject, "Lavrov", "", "speak_with", ""},
		{"What did Russia veto?", KindObject, "Russia", "", "veto", ""},
		{"What did the US strike?", KindObject, "US", "", "strike", ""},
		{"WHAT DID THE UNITED STATES STRIKE", KindObject, "UNITED STATES", "", "strike", ""},
		{"Who vetoed the resolution?", KindSubject, "", "resolution", "veto", ""},
		{"Who met Putin?", KindSubject, "", "Putin", "meet", ""},
		{"Who has met Putin?", KindSubject, "", "Putin", "meet", ""},
		{"Who held talks with Putin?", KindSubject, "", "Putin", "meet", "hold_talk_with"},
		{"Who spoke with Lavrov?", KindSubject, "", "Lavrov", "speak_with", ""},
		{"Who accused Russia?", KindSubject, "", "Russia", "accuse", ""},
		{"Who stopped the talks?", KindSubject, "", "talks", "stop", ""},
		{"Who created the group?", KindSubject, "", "group", "create", ""},
		{"Who criticized the veto?", KindSubject, "", "veto", "criticize", "criticise"},
		{"Who was struck by the US?", KindObject, "US", "", "strike", ""},
		{"What was vetoed by Russia?", KindObject, "Russia", "", "veto", ""},
		{"Who is Dmitri Trenin?", KindWhoIs, "Dmitri Trenin", "", "", ""},
		{"who's lavrov", KindWhoIs, "lavrov", "", "", ""},
		{"What do we know about Lavrov?", KindAbout, "Lavrov", "", "", ""},
		{"Tell me about Assad", KindAbout, "Assad", "", "", ""},
		{"tell me about the Kremlin.", KindAbout, "Kremlin", "", "", ""},
		{"How is Tillerson connected to Assad?", KindPath, "Tillerson", "Assad", "", ""},
		{"How are Tillerson and Assad linked?", KindPath, "Tillerson", "Assad", "", ""},
		{"What links Trump and Putin?", KindPath, "Trump", "Putin", "", ""},
		{"What happened between the US and Russia?", KindBetween, "US", "Russia", "", ""},
		{"  “What happened between the U.S. and Russia?”  ", KindBetween, "U.S.", "Russia", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			q, err := ParseQuestion(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if q.Kind != tt.kind || q.Subject != tt.subj || q.Object != tt.obj || q.Predicate != tt.pred {
				t.Errorf("got %+v, want kind %s subject %q object %q predicate %q", q, tt.kind, tt.subj, tt.obj, tt.pred)
			}
			if tt.alsoPred != "" && !slices.Contains(q.Predicates, tt.alsoPred) {
				t.Errorf("predicates %q lack %q", q.Predicates, tt.alsoPred)
			}
			if tt.pred != "" && !slices.Contains(q.Predicates, tt.pred) {
				t.Errorf("predicates %q lack the predicate %q", q.Predicates, tt.pred)
			}
		})
	}
}

func TestParseQuestionRefuses(t *testing.T) {
	for _, in := range []string{"", "   ??? ", "Putin", "Tell me a joke about", "How is connected to", "who did", string(make([]byte, MaxQuestionBytes+1)), "\xff\xfe"} {
		q, err := ParseQuestion(in)
		if kg.ErrorCode(err) != kg.EINVALID {
			t.Errorf("%q: got %+v, %v; want an %s error", in, q, err, kg.EINVALID)
			continue
		}
		if msg := kg.ErrorMessage(err); !strings.Contains(msg, Examples[0]) {
			t.Errorf("%q: refusal %q shows no examples", in, msg)
		}
	}
}
