package main

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/kgnews/kg"
)

// The statuses of a judged QA question, as score.py names them.
const (
	qaPass  = "pass"  // the regex matches an answer or path entity's label
	qaWrong = "wrong" // answers or paths came back and none matches
	qaNone  = "none"  // nothing came back, or the question failed
)

// qaForms are the question forms of the QA files, in the order score.py
// prints them.
var qaForms = []string{"object", "subject", "passive", "who_is", "where", "when", "pronoun", "synonym",
	"adjunct", "say_about", "path"}

// pyRegex is an answer regex of a QA file (Python syntax, searched
// case-insensitively) compiled for Go's RE2, with the lookarounds RE2 lacks
// that QA files use: one leading lookbehind and one trailing lookahead, each
// checked around every match of the rest.
type pyRegex struct {
	core      *regexp.Regexp // the pattern without its lookarounds
	behind    *regexp.Regexp // the lookbehind, anchored at the end of the text before a match; nil for none
	behindNeg bool           // (?<!…) rather than (?<=…)
	ahead     *regexp.Regexp // the lookahead, anchored at the start of the text after a match; nil for none
	aheadNeg  bool           // (?!…) rather than (?=…)
}

// compilePyRegex compiles a Python answer regex. A pattern RE2 cannot read
// once its leading lookbehind and trailing lookahead are taken off fails
// with kg.EINVALID, as does a lookaround beside a top-level alternation.
func compilePyRegex(expr string) (*pyRegex, error) {
	core := expr
	var behind, ahead string
	var p pyRegex
	if strings.HasPrefix(core, "(?<!") || strings.HasPrefix(core, "(?<=") {
		end := groupEnd(core, 0)
		if end < 0 {
			return nil, kg.Errorf(kg.EINVALID, "regex %q: unbalanced parenthesis", expr)
		}
		behind, p.behindNeg, core = core[4:end], core[3] == '!', core[end+1:]
	}
	start, alt := trailingGroup(core)
	if start >= 0 && (strings.HasPrefix(core[start:], "(?!") || strings.HasPrefix(core[start:], "(?=")) {
		ahead, p.aheadNeg, core = core[start+3:len(core)-1], core[start+2] == '!', core[:start]
	}
	if alt && (behind != "" || ahead != "") {
		return nil, kg.Errorf(kg.EINVALID, "regex %q: a lookaround beside a top-level | is not supported", expr)
	}
	var err error
	if p.core, err = compileRE2(expr, "(?i)"+core); err != nil {
		return nil, err
	}
	if behind != "" {
		if p.behind, err = compileRE2(expr, "(?i)(?:"+behind+")$"); err != nil {
			return nil, err
		}
	}
	if ahead != "" {
		if p.ahead, err = compileRE2(expr, "(?i)^(?:"+ahead+")"); err != nil {
			return nil, err
		}
	}
	return &p, nil
}

// compileRE2 compiles part of the Python regex expr, refusing what RE2
// cannot read.
func compileRE2(expr, part string) (*regexp.Regexp, error) {
	re, err := regexp.Compile(part)
	if err != nil {
		return nil, kg.Errorf(kg.EINVALID, "regex %q: Go's RE2 cannot read it (only a leading (?<!…) or (?<=…) and a trailing (?!…) or (?=…) are translated): %v", expr, err)
	}
	return re, nil
}

// groupEnd returns the index of the parenthesis that closes the group
// opening at s[i], skipping escapes and character classes, or -1.
func groupEnd(s string, i int) int {
	depth := 0
	for ; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			i = classEnd(s, i)
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// classEnd returns the index of the bracket that closes the character class
// opening at s[i] (a ] first in the class is a literal), or len(s).
func classEnd(s string, i int) int {
	i++
	if i < len(s) && s[i] == '^' {
		i++
	}
	if i < len(s) && s[i] == ']' {
		i++
	}
	for ; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case ']':
			return i
		}
	}
	return len(s)
}

// trailingGroup returns where the top-level group that ends s starts (-1
// when s does not end with one) and whether s has a top-level |.
func trailingGroup(s string) (start int, alt bool) {
	start = -1
	for i := 0; i < len(s); i++ {
		start = -1
		switch s[i] {
		case '\\':
			i++
		case '[':
			i = classEnd(s, i)
		case '|':
			alt = true
		case '(':
			end := groupEnd(s, i)
			if end < 0 {
				return -1, alt
			}
			start, i = i, end
		}
	}
	return start, alt
}

// MatchString reports whether the regex matches somewhere in s: a match of
// the core whose surroundings satisfy the lookarounds. Only the leftmost
// non-overlapping matches of the core are tried.
func (p *pyRegex) MatchString(s string) bool {
	for _, m := range p.core.FindAllStringIndex(s, -1) {
		if p.behind != nil && p.behind.MatchString(s[:m[0]]) == p.behindNeg {
			continue
		}
		if p.ahead != nil && p.ahead.MatchString(s[m[1]:]) == p.aheadNeg {
			continue
		}
		return true
	}
	return false
}

// resultLabels returns what score.py reads from a result: the label and
// predicate of every answer, and the distinct entity labels of each path.
func resultLabels(res *kg.Result) (labels, preds []string, paths [][]string) {
	if res == nil {
		return nil, nil, nil
	}
	for _, a := range res.Answers {
		labels = append(labels, a.Entity.Label)
		preds = append(preds, a.Predicate)
	}
	for _, path := range res.Paths {
		ents := []string{}
		for _, h := range path {
			for _, l := range []string{h.From.Label, h.To.Label} {
				if !slices.Contains(ents, l) {
					ents = append(ents, l)
				}
			}
		}
		paths = append(paths, ents)
	}
	return labels, preds, paths
}

// judgeQA sorts an outcome as score.py's judge does: pass when the regex
// matches an answer label or a path entity's label, wrong when something
// came back and nothing matches, none when nothing came back. top1 is
// whether the first answer matches (the first path's entities when there
// are no answers).
func judgeQA(pat *pyRegex, labels []string, paths [][]string) (status string, top1 bool) {
	if len(labels) == 0 && len(paths) == 0 {
		return qaNone, false
	}
	status = qaWrong
	all := append([]string{}, labels...)
	for _, ents := range paths {
		all = append(all, ents...)
	}
	if anyMatch(pat, all) {
		status = qaPass
	}
	first := labels[:min(1, len(labels))]
	if len(labels) == 0 {
		first = paths[0]
	}
	return status, anyMatch(pat, first)
}

func anyMatch(pat *pyRegex, labels []string) bool {
	for _, l := range labels {
		if pat.MatchString(l) {
			return true
		}
	}
	return false
}

// The wording patterns of guessQAForms, score.py's guess_forms.
var (
	qaFormPath    = regexp.MustCompile(`^(how is|how are|how was|what links|what connects)\b`)
	qaFormWhen    = regexp.MustCompile(`^when\b`)
	qaFormWhere   = regexp.MustCompile(`^where\b`)
	qaFormSay     = regexp.MustCompile(`\bsay\b.*\babout\b`)
	qaFormWhoIs   = regexp.MustCompile(`^(who|what) (is|was|are|were) [^?]*\?$`)
	qaFormPrepEnd = regexp.MustCompile(`\b(by|with|from|of|to|in|at)\?$`)
	qaFormBy      = regexp.MustCompile(`\bby\?$`)
	qaFormObject  = regexp.MustCompile(`^(who|what|which)\s+(did|does|do|has|have|had|will|would)\b`)
)

// guessQAForms returns a question's forms from its wording alone, as
// score.py guesses them when the forms file does not tag it (pronoun and
// synonym cannot be seen in the wording).
func guessQAForms(q string) []string {
	s := strings.ToLower(strings.TrimSpace(q))
	switch {
	case qaFormPath.MatchString(s):
		return []string{"path"}
	case qaFormWhen.MatchString(s):
		return []string{"when"}
	case qaFormWhere.MatchString(s):
		return []string{"where"}
	case qaFormSay.MatchString(s):
		return []string{"say_about"}
	case qaFormWhoIs.MatchString(s) && !qaFormPrepEnd.MatchString(s):
		return []string{"who_is"}
	case qaFormBy.MatchString(s):
		return []string{"passive"}
	case qaFormObject.MatchString(s):
		return []string{"object"}
	}
	return []string{"subject"}
}

// qaPercent formats a share as score.py's pct does: one decimal and a
// percent sign, "-" for none of none.
func qaPercent(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
}
