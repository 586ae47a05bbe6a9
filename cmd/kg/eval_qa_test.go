package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kgnews/kg"
)

func TestCompilePyRegex(t *testing.T) {
	tests := []struct {
		expr  string
		input string
		want  bool
	}{
		{`prosecutor`, "Crown Prosecutor", true},
		{`prosecutor`, "judge", false},
		{`(?<!white )\bhouse\b(?! managers)`, "House of Representatives", true},
		{`(?<!white )\bhouse\b(?! managers)`, "the White House", false},
		{`(?<!white )\bhouse\b(?! managers)`, "WHITE HOUSE", false},
		{`(?<!white )\bhouse\b(?! managers)`, "House managers", false},
		{`(?<!white )\bhouse\b(?! managers)`, "Whitehouse", false},
		{`(?<!white )\bhouse\b(?! managers)`, "White House and the House", true},
		{`(?<=new )york`, "New York", true},
		{`(?<=new )york`, "York", false},
		{`tedeschi(?=,)`, "Tedeschi, QC", true},
		{`tedeschi(?=,)`, "Mark Tedeschi", false},
		{`\d+(?=%)`, "50%", true},
		{`[(]x(?!y)`, "(x", true},
		{`[(]x(?!y)`, "(xy", false},
		{`(a|b)(?!c)`, "bc ad", true},
		{`(a|b)(?!c)`, "bc", false},
		{`(?<!\()x`, "(x", false},
		{`(?<![(])x`, "a x", true},
		{`(?P<who>lopez)`, "Maria Lopez", true},
	}
	for _, tt := range tests {
		t.Run(tt.expr+" "+tt.input, func(t *testing.T) {
			p, err := compilePyRegex(tt.expr)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.MatchString(tt.input); got != tt.want {
				t.Errorf("match %q: got %v, want %v", tt.input, got, tt.want)
			}
		})
	}
}

func TestCompilePyRegexRefuses(t *testing.T) {
	for _, expr := range []string{
		`a|b(?!c)`,     // the lookahead holds for one branch only
		`(?<=a)b|c`,    // the lookbehind likewise
		`foo(?<!x)bar`, // a lookbehind inside
		`(?=x)foo`,     // a leading lookahead
		`(?<!abc`,      // unbalanced
		`x\Z`,          // Python's \Z
		`(a)\1`,        // a backreference
	} {
		t.Run(expr, func(t *testing.T) {
			_, err := compilePyRegex(expr)
			if kg.ErrorCode(err) != kg.EINVALID || !strings.Contains(kg.ErrorMessage(err), strconv.Quote(expr)) {
				t.Errorf("got %v, want kg.EINVALID naming the regex", err)
			}
		})
	}
}

func TestJudgeQA(t *testing.T) {
	pat, err := compilePyRegex(`lopez`)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		labels []string
		paths  [][]string
		status string
		top1   bool
	}{
		{"nothing", nil, nil, qaNone, false},
		{"first answer", []string{"Maria Lopez", "Berlin"}, nil, qaPass, true},
		{"second answer", []string{"Berlin", "Lopez"}, nil, qaPass, false},
		{"no answer matches", []string{"Berlin", "museum"}, nil, qaWrong, false},
		{"a path matches, answers first", []string{"Berlin"}, [][]string{{"Maria Lopez", "Berlin"}}, qaPass, false},
		{"first path", nil, [][]string{{"Berlin", "Maria Lopez"}, {"museum"}}, qaPass, true},
		{"second path", nil, [][]string{{"Berlin"}, {"Lopez"}}, qaPass, false},
		{"no path matches", nil, [][]string{{"Berlin"}}, qaWrong, false},
		{"an empty path", nil, [][]string{{}}, qaWrong, false},
		{"an empty label", []string{""}, nil, qaWrong, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, top1 := judgeQA(pat, tt.labels, tt.paths)
			if status != tt.status || top1 != tt.top1 {
				t.Errorf("got %s, top-1 %v; want %s, %v", status, top1, tt.status, tt.top1)
			}
		})
	}
}

func TestResultLabels(t *testing.T) {
	a, b, c := kg.Entity{Label: "A"}, kg.Entity{Label: "B"}, kg.Entity{Label: "C"}
	res := &kg.Result{
		Answers: []kg.Answer{{Entity: b, Predicate: "meet"}, {Entity: c, Predicate: "visit"}},
		Paths:   []kg.Path{{{From: a, To: b}, {From: b, To: c}}, {{From: c, To: a}}},
	}
	labels, preds, paths := resultLabels(res)
	if !slices.Equal(labels, []string{"B", "C"}) || !slices.Equal(preds, []string{"meet", "visit"}) {
		t.Errorf("labels %q, predicates %q", labels, preds)
	}
	if len(paths) != 2 || !slices.Equal(paths[0], []string{"A", "B", "C"}) || !slices.Equal(paths[1], []string{"C", "A"}) {
		t.Errorf("paths %q, want [A B C] [C A]", paths)
	}
	if l, p, ps := resultLabels(nil); l != nil || p != nil || ps != nil {
		t.Errorf("nil result: %q %q %q", l, p, ps)
	}
}

func TestGuessQAForms(t *testing.T) {
	tests := []struct{ q, want string }{
		{"How is Berg connected to Stein?", "path"},
		{"What links Oslo and Bergen?", "path"},
		{"When did Norway sign the treaty?", "when"},
		{"Where was Karl Stein born?", "where"},
		{"What did the minister say about the budget?", "say_about"},
		{"Who is Karl Stein?", "who_is"},
		{"  who was the mayor of Oslo?  ", "who_is"},
		{"Who was the treaty signed by?", "passive"},
		{"Who is Berg married to?", "subject"},
		{"Who did Anna Berg meet?", "object"},
		{"Which country will host the talks?", "subject"},
		{"What would Berg do?", "object"},
		{"Who met Stein?", "subject"},
	}
	for _, tt := range tests {
		if got := guessQAForms(tt.q); !slices.Equal(got, []string{tt.want}) {
			t.Errorf("%q: got %q, want [%s]", tt.q, got, tt.want)
		}
	}
}

func TestQAPercent(t *testing.T) {
	for _, tt := range []struct {
		a, b int
		want string
	}{{0, 0, "-"}, {45, 120, "37.5%"}, {1, 3, "33.3%"}, {2, 3, "66.7%"}, {3, 3, "100.0%"}} {
		if got := qaPercent(tt.a, tt.b); got != tt.want {
			t.Errorf("qaPercent(%d, %d) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestGumTexts(t *testing.T) {
	conllu := strings.Join([]string{
		"# newdoc id = doc_a",
		"# newpar",
		"# text = One.",
		"1\tOne\tone\tNUM\tCD\t_\t0\troot\t_\t_",
		"",
		"# newpar",
		"# newpar_block = p",
		"# text =  Two two.  ",
		"# text = Three.",
		"# newdoc id = doc_b",
		"# text = Four.",
		"# newpar",
		"",
	}, "\n")
	path := filepath.Join(t.TempDir(), "x.conllu")
	if err := os.WriteFile(path, []byte(conllu), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := gumTexts([]string{path}, []string{"doc_a", "doc_b"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "One.\n\nTwo two. Three.\n"; got["doc_a"] != want {
		t.Errorf("doc_a: got %q, want %q", got["doc_a"], want)
	}
	if want := "Four.\n"; got["doc_b"] != want {
		t.Errorf("doc_b: got %q, want %q", got["doc_b"], want)
	}
	if _, err := gumTexts([]string{path}, []string{"doc_c"}); kg.ErrorCode(err) != kg.ENOTFOUND {
		t.Errorf("missing document: got %v, want kg.ENOTFOUND", err)
	}
}
