package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/graph"
)

// qaReport is what kg eval qa found: the totals, the tallies per document
// and per form, and every question (printed with --json).
type qaReport struct {
	QA        string           `json:"qa"`      // the QA file
	Ingest    graph.WriteStats `json:"ingest"`  // what the documents gave
	N         int              `json:"n"`       // questions asked
	Pass      int              `json:"pass"`    // questions passed
	Top1      int              `json:"top1"`    // questions whose first answer matches
	Wrong     int              `json:"wrong"`   // questions answered with no match
	None      int              `json:"none"`    // questions with nothing back
	ByDoc     []qaTally        `json:"by_doc"`  // per document, in file order
	ByForm    []qaTally        `json:"by_form"` // per form, in score.py's order
	Questions []qaQuestion     `json:"questions"`
}

// qaTally counts the questions of one document or form.
type qaTally struct {
	Name  string `json:"name"`  // the document or form
	N     int    `json:"n"`     // questions
	Pass  int    `json:"pass"`  // passed
	Top1  int    `json:"top1"`  // first answer matches
	Wrong int    `json:"wrong"` // answered, no match
	None  int    `json:"none"`  // nothing back
}

// qaQuestion is one question as asked and judged.
type qaQuestion struct {
	Line           int                `json:"line"`                     // line in the QA file
	Doc            string             `json:"doc"`                      // the document that states the fact
	Question       string             `json:"question"`                 // as asked
	Regex          string             `json:"regex"`                    // the answer regex
	Forms          []string           `json:"forms"`                    // its forms
	Status         string             `json:"status"`                   // pass, wrong or none
	Top1           bool               `json:"top1"`                     // the first answer matches
	Kind           string             `json:"kind,omitempty"`           // the interpretation's kind
	Answers        []string           `json:"answers"`                  // the first 10 answer labels
	Predicates     []string           `json:"predicates"`               // their predicates
	Paths          [][]string         `json:"paths"`                    // the first 5 paths' entity labels
	Interpretation *kg.Interpretation `json:"interpretation,omitempty"` // how kg read the question
	Error          string             `json:"error,omitempty"`          // why nothing came back
}

// add judges one question's result (or error) and counts it. As kg ask
// prints nothing on an error, a result that comes with one is dropped.
func (rep *qaReport) add(r qaRow, res *kg.Result, err error) {
	if err != nil {
		res = nil
	}
	labels, preds, paths := resultLabels(res)
	q := qaQuestion{Line: r.line, Doc: r.doc, Question: r.question, Regex: r.regex, Forms: r.forms,
		Answers: first(labels, 10), Predicates: first(preds, 10), Paths: first(paths, 5)}
	q.Status, q.Top1 = judgeQA(r.pat, labels, paths)
	switch {
	case err != nil:
		q.Error = kg.ErrorMessage(err)
	case q.Status == qaNone:
		q.Error = "no answers"
	}
	if res != nil {
		q.Kind, q.Interpretation = res.Interpretation.Kind, &res.Interpretation
	}
	rep.Questions = append(rep.Questions, q)
	rep.N++
	count(&rep.Pass, &rep.Wrong, &rep.None, &rep.Top1, q)
	rep.ByDoc = tallyQA(rep.ByDoc, q, r.doc)
	for _, f := range q.Forms {
		rep.ByForm = tallyQA(rep.ByForm, q, f)
	}
	slices.SortStableFunc(rep.ByForm, func(a, b qaTally) int { return formRank(a.Name) - formRank(b.Name) })
}

// first returns at most n elements of xs, never nil.
func first[T any](xs []T, n int) []T {
	return append([]T{}, xs[:min(n, len(xs))]...)
}

// count adds a judged question to counters.
func count(pass, wrong, none, top1 *int, q qaQuestion) {
	switch q.Status {
	case qaPass:
		*pass++
	case qaWrong:
		*wrong++
	default:
		*none++
	}
	if q.Top1 {
		*top1++
	}
}

// tallyQA counts q under name, adding the tally when it is new.
func tallyQA(ts []qaTally, q qaQuestion, name string) []qaTally {
	i := slices.IndexFunc(ts, func(t qaTally) bool { return t.Name == name })
	if i < 0 {
		ts, i = append(ts, qaTally{Name: name}), len(ts)
	}
	t := &ts[i]
	t.N++
	count(&t.Pass, &t.Wrong, &t.None, &t.Top1, q)
	return ts
}

// formRank is a form's place in score.py's order; unknown forms come last.
func formRank(f string) int {
	if i := slices.Index(qaForms, f); i >= 0 {
		return i
	}
	return len(qaForms)
}

// summary is score.py's last line.
func (rep *qaReport) summary() string {
	return fmt.Sprintf("dev QA: pass %d/%d (%s), top-1 %d, wrong-answer %d, no-answer %d",
		rep.Pass, rep.N, qaPercent(rep.Pass, rep.N), rep.Top1, rep.Wrong, rep.None)
}

// text is the report as score.py prints it: with verbose a line per
// question, then the table per document, the table per form and the
// summary line.
func (rep *qaReport) text(verbose bool) string {
	var b strings.Builder
	if verbose {
		for _, q := range rep.Questions {
			b.WriteString(q.verboseLine() + "\n")
		}
	}
	b.WriteString(qaTable("document", rep.ByDoc) + "\n\n")
	b.WriteString(qaTable("form", rep.ByForm) + "\n\n")
	b.WriteString(rep.summary() + "\n")
	return b.String()
}

// verboseLine is score.py's -v line of a question: the status (a * for
// top-1), the document, the question, the kind and the first answers.
func (q qaQuestion) verboseLine() string {
	mark := strings.ToUpper(q.Status)
	if q.Top1 {
		mark += "*"
	}
	var got []string
	for i, l := range q.Answers[:min(3, len(q.Answers))] {
		got = append(got, fmt.Sprintf("%s (%s)", l, q.Predicates[i]))
	}
	text := strings.Join(got, "; ")
	if text == "" && len(q.Paths) > 0 {
		text = strings.Join(q.Paths[0], " > ")
	}
	if text == "" {
		text = q.Error
	}
	kind := q.Kind
	if q.Interpretation == nil {
		kind = "None"
	}
	return fmt.Sprintf("%-6s %-26s %s  [%s] -> %s", mark, q.Doc, q.Question, kind, text)
}

// qaTable formats tallies as score.py's table does.
func qaTable(title string, ts []qaTally) string {
	w := len(title)
	for _, t := range ts {
		w = max(w, len(t.Name))
	}
	lines := []string{fmt.Sprintf("%-*s  %4s %5s %7s %5s %6s %5s", w, title, "n", "pass", "pass%", "top1", "wrong", "none")}
	for _, t := range ts {
		lines = append(lines, fmt.Sprintf("%-*s  %4d %5d %7s %5d %6d %5d", w, t.Name, t.N, t.Pass,
			qaPercent(t.Pass, t.N), t.Top1, t.Wrong, t.None))
	}
	return strings.Join(lines, "\n")
}
