package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg"
	"github.com/kgnews/kg/queries"
)

func askCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "ask",
		Usage:     "answer a question about the entities in the store, with the sentences that say so",
		ArgsUsage: `"QUESTION"`,
		Description: `Answers questions in English about relationships:
   who did X meet, who met Y, who was struck by X, what did X veto   (facts)
   who is X, what do we know about X, tell me about X                (an entity)
   how is X connected to Y, what links X and Y                       (paths)
   what happened between X and Y                                     (both directions)
Names match labels and aliases in any case, with or without "the"; verbs match
in any tense and through synonyms (held talks with = met). Each answer shows
the predicate, the evidence sentence with the answer [marked], and its
document's title and date. Negated, possible and reported claims are marked as
such. Exits with code 3 when nothing is found or a name is unknown (with
suggestions), 2 when the question cannot be read or a name is ambiguous.

Examples:
   kg ask "Who did Tillerson meet?"
   kg ask --json "What did Russia veto?"
   kg ask "How is Tillerson connected to Assad?"`,
		Flags: []cli.Flag{jsonFlag,
			&cli.Float64Flag{Name: "min-confidence", Value: queries.DefaultMinConfidence, Usage: "hide facts below this confidence (0..1)"}},
		Action: func(c *cli.Context) error { return ask(c, e) },
	}
}

func ask(c *cli.Context, e *env) error {
	if c.NArg() != 1 {
		return usageError(c, "give exactly one question, in quotes")
	}
	s, err := openStore(c, true)
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := askService(s).WithMinConfidence(c.Float64("min-confidence")).Ask(c.Context, c.Args().First())
	if err != nil {
		return err
	}
	if c.Bool("json") {
		if err := printJSON(e.stdout, res); err != nil {
			return err
		}
	} else if err := printResult(e.stdout, res); err != nil {
		return err
	}
	return nothingFound(res)
}

// nothingFound returns kg.ENOTFOUND for a result with nothing to show: no
// answers, no paths, and (for who_is) no entity.
func nothingFound(res *kg.Result) error {
	if len(res.Answers) > 0 || len(res.Paths) > 0 || res.Interpretation.Kind == queries.KindWhoIs {
		return nil
	}
	return kg.Errorf(kg.ENOTFOUND, "nothing found for %q", res.Question)
}

// printResult writes a result as readable text.
func printResult(w io.Writer, res *kg.Result) error {
	p := &printer{w: w}
	p.line("%s", interpretation(res.Interpretation))
	in := res.Interpretation
	if in.Kind == queries.KindWhoIs && in.Subject != nil {
		p.line("%s is a %s%s.", in.Subject.Label, strings.ToLower(string(in.Subject.Type)), aliasNote(in.Subject.Aliases))
	}
	switch {
	case in.Kind == kg.AskYesNo && len(res.Answers) > 0:
		p.line("Yes, as these articles say:")
	case in.Kind == kg.AskYesNo:
		p.line("Not in these articles.")
	case len(res.Answers) == 0 && len(res.Paths) == 0:
		p.line("Nothing found.")
	}
	for i, a := range res.Answers {
		p.line("")
		p.line("%d. %s (%s)  %s  score %.2f%s", i+1, a.Entity.Label, a.Entity.Type, answerFact(a, in), a.Score, status(a))
		p.evidence(a.Evidence, a.Entity)
	}
	for i, path := range res.Paths {
		p.path(i, path)
	}
	return p.err
}

// printer writes lines and keeps the first error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) line(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format+"\n", args...)
	}
}

func (p *printer) evidence(evs []kg.Evidence, mark kg.Entity) {
	for _, ev := range evs {
		p.line("   %q", markEntity(ev.Text, mark))
		p.line("   — %s", source(ev))
	}
}

func (p *printer) path(i int, path kg.Path) {
	p.line("")
	p.line("%d. %s", i+1, pathLine(path))
	for _, h := range path {
		p.line("   %s %s %s:", h.From.Label, h.Predicate, h.To.Label)
		p.evidence(h.Evidence[:min(len(h.Evidence), 1)], h.To)
	}
}

// pathLine writes a path as A —p→ B ←q— C, following the shared entities.
func pathLine(path kg.Path) string {
	if len(path) == 0 {
		return ""
	}
	at := path[0].From
	if len(path) > 1 && (path[0].From.ID == path[1].From.ID || path[0].From.ID == path[1].To.ID) {
		at = path[0].To
	}
	var b strings.Builder
	b.WriteString(at.Label)
	for _, h := range path {
		if h.From.ID == at.ID {
			fmt.Fprintf(&b, " —%s→ %s", h.Predicate, h.To.Label)
			at = h.To
		} else {
			fmt.Fprintf(&b, " ←%s— %s", h.Predicate, h.From.Label)
			at = h.From
		}
	}
	return b.String()
}

func interpretation(in kg.Interpretation) string {
	label := func(e *kg.Entity) string {
		if e == nil {
			return "?"
		}
		return e.Label
	}
	switch in.Kind {
	case queries.KindObject:
		return fmt.Sprintf("%s —%s→ ?", label(in.Subject), in.Predicate)
	case queries.KindSubject:
		return fmt.Sprintf("? —%s→ %s", in.Predicate, label(in.Object))
	case queries.KindPath:
		return fmt.Sprintf("paths from %s to %s", label(in.Subject), label(in.Object))
	case queries.KindBetween:
		return fmt.Sprintf("facts between %s and %s", label(in.Subject), label(in.Object))
	case queries.KindWhoIs:
		return fmt.Sprintf("who is %s", label(in.Subject))
	case kg.AskWhere, kg.AskWhen:
		return fmt.Sprintf("%s: %s —%s→ ?%s", in.Kind, label(knownOf(in)), in.Predicate, adjuncts(in))
	case kg.AskSay:
		return fmt.Sprintf("what %s said%s", label(in.Subject), about(in.Object))
	case kg.AskYesNo:
		return fmt.Sprintf("did %s —%s→ %s?", label(in.Subject), in.Predicate, label(in.Object))
	}
	return fmt.Sprintf("what is known about %s", label(in.Subject))
}

// knownOf returns the entity a question starts from.
func knownOf(in kg.Interpretation) *kg.Entity {
	if in.Subject != nil {
		return in.Subject
	}
	return in.Object
}

func adjuncts(in kg.Interpretation) string {
	var parts []string
	for _, a := range []string{in.Time, in.Place} {
		if a != "" {
			parts = append(parts, a)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

func about(e *kg.Entity) string {
	if e == nil {
		return ""
	}
	return " about " + e.Label
}

// answerFact writes the fact an answer stands on: subject —predicate→ object.
func answerFact(a kg.Answer, in kg.Interpretation) string {
	known := in.Subject
	if in.Kind == queries.KindSubject {
		known = in.Object
	}
	if known == nil {
		known = knownOf(in)
	}
	if in.Kind == queries.KindSubject || a.Inverse {
		return a.Entity.Label + " —" + a.Predicate + "→ " + labelOf(known)
	}
	return labelOf(known) + " —" + a.Predicate + "→ " + a.Entity.Label
}

func labelOf(e *kg.Entity) string {
	if e == nil {
		return "?"
	}
	return e.Label
}

// status marks claims that are not plain facts.
func status(a kg.Answer) string {
	var parts []string
	if a.Negated {
		parts = append(parts, "NEGATED: the text says this did not happen")
	}
	if a.Modality != "" {
		parts = append(parts, "modality: "+a.Modality)
	}
	if a.AttributedTo != nil {
		parts = append(parts, "reported by "+a.AttributedTo.Label)
	}
	if len(parts) == 0 {
		return ""
	}
	return "  [" + strings.Join(parts, "; ") + "]"
}

func aliasNote(aliases []string) string {
	if len(aliases) == 0 {
		return ""
	}
	return ", also called " + strings.Join(aliases, ", ")
}

func source(ev kg.Evidence) string {
	var parts []string
	for _, p := range []string{ev.Title, ev.Date} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	parts = append(parts, fmt.Sprintf("doc %s, bytes %d–%d", ev.Doc, ev.Start, ev.End))
	return strings.Join(parts, ", ")
}

// markEntity wraps the first mention of the entity's label or an alias in
// the sentence in [brackets], ignoring case; the longest name wins.
func markEntity(sentence string, e kg.Entity) string {
	names := append([]string{e.Label}, e.Aliases...)
	lower := strings.ToLower(sentence)
	best, at := "", -1
	for _, n := range names {
		if i := strings.Index(lower, strings.ToLower(n)); n != "" && i >= 0 && len(n) > len(best) {
			best, at = n, i
		}
	}
	if at < 0 {
		return sentence
	}
	return sentence[:at] + "[" + sentence[at:at+len(best)] + "]" + sentence[at+len(best):]
}
