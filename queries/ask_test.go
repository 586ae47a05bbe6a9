package queries_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/internal/kgtest"
	"github.com/kgnews/kg/queries"
)

func seedService(t testing.TB) *queries.Service {
	s := kgtest.MustOpenStore(t, "memory:")
	kgtest.MustWrite(t, s, kgtest.SeedFixture()...)
	return queries.New(s)
}

// answerLine renders an answer compactly for comparisons.
func answerLine(a kg.Answer) string {
	var b strings.Builder
	b.WriteString(a.Entity.Label + " " + a.Predicate)
	if a.Inverse {
		b.WriteString(" (inverse)")
	}
	if a.Negated {
		b.WriteString(" (negated)")
	}
	if a.Modality != "" {
		b.WriteString(" (" + a.Modality + ")")
	}
	if a.AttributedTo != nil {
		b.WriteString(" (by " + a.AttributedTo.Label + ")")
	}
	return b.String()
}

func TestAsk(t *testing.T) {
	q := seedService(t)
	tests := []struct {
		question  string
		kind      string
		subject   string // label of the interpretation's subject
		predicate string
		want      []string // answerLine of every answer, in order
		sentence  string   // part of the first answer's first evidence sentence
	}{
		{"Who did Tillerson meet?", "object", "Rex Tillerson", "meet",
			[]string{"Vladimir Putin meet", "Sergei Lavrov meet"}, "held talks with Vladimir Putin"},
		{"Who did Tillerson hold talks with?", "object", "Rex Tillerson", "meet",
			[]string{"Vladimir Putin meet", "Sergei Lavrov meet"}, ""},
		{"who did REX TILLERSON sit down with", "object", "Rex Tillerson", "meet",
			[]string{"Vladimir Putin meet", "Sergei Lavrov meet"}, ""},
		{"What did Russia veto?", "object", "Russia", "veto", []string{"UN resolution veto"}, "vetoed the UN resolution"},
		{"What did the US strike?", "object", "United States", "strike", []string{"forces of Bashar al-Assad strike"}, "fired missiles"},
		{"Who was struck by the U.S.?", "object", "United States", "strike", []string{"forces of Bashar al-Assad strike"}, ""},
		{"Who vetoed the resolution?", "subject", "", "veto", []string{"Russia veto"}, ""},
		{"Who met Putin?", "subject", "", "meet", []string{"Rex Tillerson meet"}, "held talks with Vladimir Putin"},
		{"Who is Dmitri Trenin?", "who_is", "Dmitri Trenin", "", []string{"Carnegie Moscow Center director_of"}, "director of the Carnegie"},
		{"What do we know about Lavrov?", "about", "Sergei Lavrov", "",
			[]string{"Rex Tillerson meet (inverse)"}, ""},
		{"Tell me about Russia", "about", "Russia", "",
			[]string{"UN resolution veto", "United States criticize (inverse)", "Bashar al-Assad take_part_in (negated) (by Rex Tillerson)"}, ""},
		{"What happened between the US and Russia?", "between", "United States", "", []string{"Russia criticize"}, "criticized the veto"},
		{"What did Putin restore agreement with?", "object", "Vladimir Putin", "restore_agreement_with",
			[]string{"United States restore_agreement_with (future) (by Sergei Lavrov)"}, ""},
		{"Who did Lavrov meet?", "object", "Sergei Lavrov", "meet", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			res, err := q.Ask(t.Context(), tt.question)
			if err != nil {
				t.Fatal(err)
			}
			in := res.Interpretation
			if in.Kind != tt.kind || in.Predicate != tt.predicate {
				t.Errorf("interpretation %+v, want kind %s predicate %q", in, tt.kind, tt.predicate)
			}
			if tt.subject != "" && (in.Subject == nil || in.Subject.Label != tt.subject) {
				t.Errorf("subject %+v, want %s", in.Subject, tt.subject)
			}
			var got []string
			for _, a := range res.Answers {
				got = append(got, answerLine(a))
				if len(a.Evidence) == 0 || a.Evidence[0].Text == "" || a.Evidence[0].Title == "" || a.Evidence[0].End <= a.Evidence[0].Start {
					t.Errorf("answer %s has poor evidence %+v", answerLine(a), a.Evidence)
				}
				if !graph.ValidIRI(a.Entity.ID) || a.PredicateID == "" {
					t.Errorf("answer %s: id %q predicate id %q", answerLine(a), a.Entity.ID, a.PredicateID)
				}
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("answers\n got %q\nwant %q", got, tt.want)
			}
			if tt.sentence != "" && (len(res.Answers) == 0 || !strings.Contains(res.Answers[0].Evidence[0].Text, tt.sentence)) {
				t.Errorf("first evidence does not contain %q: %+v", tt.sentence, res.Answers)
			}
		})
	}
}

func TestAskJSONShape(t *testing.T) {
	q := seedService(t)
	res, err := q.Ask(t.Context(), "Who did Tillerson meet?")
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"question", "interpretation", "answers", "paths"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, b)
		}
	}
	a := m["answers"].([]any)[0].(map[string]any)
	for _, k := range []string{"entity", "predicate", "predicate_id", "score", "evidence"} {
		if _, ok := a[k]; !ok {
			t.Errorf("answer lacks %q: %v", k, a)
		}
	}
	ev := a["evidence"].([]any)[0].(map[string]any)
	for _, k := range []string{"doc", "title", "date", "sentence", "start", "end"} {
		if _, ok := ev[k]; !ok {
			t.Errorf("evidence lacks %q: %v", k, ev)
		}
	}
	if s := a["score"].(float64); s <= 0 || s > 1 {
		t.Errorf("score %v outside (0, 1]", s)
	}
}

// TestAskIDsWorkInGizmo checks that the IRIs Ask returns work in Gizmo as
// they are, and that Gizmo agrees with Ask.
func TestAskIDsWorkInGizmo(t *testing.T) {
	q := seedService(t)
	res, err := q.Ask(t.Context(), "Who did Tillerson meet?")
	if err != nil {
		t.Fatal(err)
	}
	got, err := q.Query(t.Context(), "gizmo", `g.V("<`+res.Interpretation.Subject.ID+`>").Out("<`+res.Answers[0].PredicateID+`>").All()`, queries.QueryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, r := range got {
		ids[r.(map[string]any)["id"].(string)] = true
	}
	for _, a := range res.Answers {
		if !ids["<"+a.Entity.ID+">"] {
			t.Errorf("gizmo %v lacks answer %s", got, a.Entity.ID)
		}
	}
}

func TestAskErrors(t *testing.T) {
	q := seedService(t)
	tests := []struct {
		question, code, msg string
	}{
		{"Who did Tilerson meet?", kg.ENOTFOUND, "Rex Tillerson"},
		{"Who did Vladimir Putn meet?", kg.ENOTFOUND, "Vladimir Putin"},
		{"Who did Zzyzx meet?", kg.ENOTFOUND, `no entity named "Zzyzx"`},
		{"Tell me a joke", kg.EINVALID, "Who did Tillerson meet?"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			_, err := q.Ask(t.Context(), tt.question)
			if kg.ErrorCode(err) != tt.code || !strings.Contains(kg.ErrorMessage(err), tt.msg) {
				t.Errorf("err = %v, want code %s with %q", err, tt.code, tt.msg)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	s := kgtest.MustOpenStore(t, "memory:")
	xs := kgtest.SeedFixture()
	// a second Sergei makes "Sergei" ambiguous
	xs[1].Entities = append(xs[1].Entities, kg.Entity{ID: "sergei_ivanov", Label: "Sergei Ivanov", Type: kg.Person},
		// a surname left as a concept must not hide the person
		kg.Entity{ID: "putin", Label: "Putin", Type: kg.Concept})
	kgtest.MustWrite(t, s, xs...)
	q := queries.New(s)
	tests := []struct {
		name, want string // want: label, or "!code" for an error
	}{
		{"Rex Tillerson", "Rex Tillerson"},
		{"rex tillerson", "Rex Tillerson"},
		{"Tillerson", "Rex Tillerson"},
		{"the US", "United States"},
		{"U.S.", "United States"},
		{"the united states", "United States"},
		{"the Kremlin", "Russia"},
		{"Assad", "Bashar al-Assad"},
		{"Putin", "Vladimir Putin"},
		{"putin", "Vladimir Putin"},
		{"Sergei", "!" + kg.EINVALID},
		{"Tilerson", "!" + kg.ENOTFOUND},
		{"https://kg.example/entity/russia", "Russia"},
		{"<kg:entity/russia>", "Russia"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := q.Resolve(t.Context(), tt.name)
			if code, ok := strings.CutPrefix(tt.want, "!"); ok {
				if kg.ErrorCode(err) != code {
					t.Errorf("got %v, %v; want code %s", e.Label, err, code)
				}
				var ne *queries.NameError
				if !errors.As(err, &ne) || len(ne.Candidates) == 0 {
					t.Errorf("error %v lists no candidates", err)
				}
				return
			}
			if err != nil || e.Label != tt.want {
				t.Errorf("got %q, %v; want %q", e.Label, err, tt.want)
			}
		})
	}
}

func TestComplete(t *testing.T) {
	q := seedService(t)
	tests := []struct {
		prefix string
		want   string
	}{
		{"ti", "Rex Tillerson"},
		{"VLAD", "Vladimir Putin"},
		{"the kre", "Russia"},
		{"u.", "United States; UN resolution"},
		{"zz", ""},
	}
	for _, tt := range tests {
		t.Run(tt.prefix, func(t *testing.T) {
			got, err := q.Complete(t.Context(), tt.prefix, 10)
			if err != nil {
				t.Fatal(err)
			}
			var labels []string
			for _, e := range got {
				labels = append(labels, e.Label)
			}
			if strings.Join(labels, "; ") != tt.want {
				t.Errorf("got %q, want %q", labels, tt.want)
			}
		})
	}
}
