package reader

import (
	"regexp"
	"strings"

	"github.com/kgnews/kg"
)

// Markdown syntax that ParseMarkdown removes.
var (
	mdImage     = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink      = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdRefLink   = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	mdAutolink  = regexp.MustCompile(`<(https?://[^>\s]+)>`)
	mdCode      = regexp.MustCompile("`+([^`]*)`+")
	mdStrong    = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
	mdEmphasis  = regexp.MustCompile(`(^|[\s(\["'])[*_](\S(?:[^*_]*?\S)?)[*_]($|[\s).,;:!?\]"'])`)
	mdStrike    = regexp.MustCompile(`~~(\S(?:.*?\S)?)~~`)
	mdRefDef    = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s*\S+`)
	mdListItem  = regexp.MustCompile(`^\s*(?:[-*+]|\d{1,9}[.)])\s+`)
	mdRule      = regexp.MustCompile(`^\s{0,3}([-*_])(\s*[-*_]){2,}\s*$`)
	mdHeading   = regexp.MustCompile(`^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$`)
	mdSetext    = regexp.MustCompile(`^\s{0,3}(=+|-+)\s*$`)
	mdTableRule = regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$`)
	mdHTMLTag   = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
)

// ParseMarkdown reads a Markdown document: YAML front matter gives the
// title and date; the first heading is the title otherwise; headings, list
// items and quotes become plain paragraphs; links keep their text; images,
// code blocks, rules, reference definitions and emphasis markers go.
func ParseMarkdown(src string) kg.Document {
	lines := strings.Split(normalizeNewlines(src), "\n")
	var doc kg.Document
	lines = frontMatter(lines, &doc)
	var out []string
	fence := ""
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trimmed := strings.TrimSpace(line)
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			out = append(out, "")
			continue
		}
		if i+1 < len(lines) && trimmed != "" && mdSetext.MatchString(lines[i+1]) && !mdListItem.MatchString(line) {
			out = append(out, "", title(&doc, inlineMarkdown(trimmed)), "")
			i++
			continue
		}
		if m := mdHeading.FindStringSubmatch(line); m != nil {
			out = append(out, "", title(&doc, inlineMarkdown(m[2])), "")
			continue
		}
		out = append(out, blockLine(line))
	}
	doc.Text = strings.TrimSpace(StripBoilerplate(joinParagraphs(out)))
	if doc.Title == "" {
		doc.Title = ParseText(doc.Text).Title
	}
	return doc
}

// title sets the document's title to the first heading and returns the heading.
func title(doc *kg.Document, heading string) string {
	if doc.Title == "" {
		doc.Title = heading
	}
	return heading
}

// blockLine removes the block syntax of one line and its inline syntax.
func blockLine(line string) string {
	switch {
	case mdRule.MatchString(line), mdRefDef.MatchString(line), mdTableRule.MatchString(line):
		return ""
	}
	line = strings.TrimLeft(line, " \t")
	for strings.HasPrefix(line, ">") {
		line = strings.TrimLeft(line[1:], " \t")
	}
	if loc := mdListItem.FindStringIndex(line); loc != nil {
		line = "\n" + line[loc[1]:] // each item its own paragraph
	}
	if strings.HasPrefix(line, "|") {
		line = strings.ReplaceAll(strings.Trim(line, "| "), "|", "\t")
	}
	return inlineMarkdown(line)
}

// inlineMarkdown removes links, images, code marks and emphasis from a line.
func inlineMarkdown(s string) string {
	if strings.Contains(s, "](") || strings.Contains(s, "][") {
		s = mdImage.ReplaceAllString(s, "")
		s = mdLink.ReplaceAllString(s, "$1")
		s = mdRefLink.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "<") {
		s = mdAutolink.ReplaceAllString(s, "$1")
		s = mdHTMLTag.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "`") {
		s = mdCode.ReplaceAllString(s, "$1")
	}
	if strings.ContainsAny(s, "*_~") {
		s = mdStrong.ReplaceAllString(s, "$2")
		s = mdStrike.ReplaceAllString(s, "$1")
		for range 2 { // neighbouring emphases share a delimiter's context
			s = mdEmphasis.ReplaceAllString(s, "$1$2$3")
		}
	}
	return s
}

// frontMatter reads YAML front matter (--- ... ---) at the top for title
// and date, and returns the lines after it.
func frontMatter(lines []string, doc *kg.Document) []string {
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return lines
	}
	var title, date string
	for i := 1; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "---" || line == "..." {
			doc.Title, doc.Date = title, date
			return lines[i+1:]
		}
		key, value, _ := strings.Cut(line, ":")
		value = strings.Trim(strings.TrimSpace(value), `"'`)
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "title":
			title = oneLine(value)
		case "date", "published":
			date = NormalizeDate(value)
		}
	}
	return lines // no closing line: not front matter after all
}

// joinParagraphs joins lines into text: lines of one paragraph with a space,
// paragraphs with a blank line.
func joinParagraphs(lines []string) string {
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, l := range strings.Split(strings.Join(lines, "\n"), "\n") {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			flush()
			continue
		}
		cur = append(cur, l)
	}
	flush()
	return strings.Join(paras, "\n\n")
}
