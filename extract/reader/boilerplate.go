package reader

import (
	"regexp"
	"strings"
)

// furnitureLine matches the lines of plain text, Markdown and JSONL articles
// that are page furniture copied along with the article: photo and image
// credits, widget headings ("Trending Now", "Sponsored Links by Taboola"),
// and what isBoilerplate drops from HTML.
var furnitureLine = regexp.MustCompile(`(?i)^((photo|image|picture|video|graphic)s?( credits?)?\s*:.*|` +
	`(photo|image|picture)s? (by|courtesy of)\b.*|(trending|popular)( now| stories| on \w+)?\b.*|` +
	`(sponsored|promoted|recommended)( links| content| stories)? by\b.*|by (taboola|outbrain|revcontent)\b.*|` +
	`(top|most) (stories|read|popular|viewed)\b.*)$`)

// widgetPrefix is a widget's credit glued to the text that follows it:
// "By TaboolaRex Tillerson’s …".
var widgetPrefix = regexp.MustCompile(`^(?i:by (taboola|outbrain|revcontent))`)

// authorBio matches a closing line that says who wrote the article: "Amie
// Ferris-Rotman is Foreign Policy's Moscow correspondent."
var authorBio = regexp.MustCompile(`^(\p{Lu}[\p{L}.'’-]*\s+){1,3}\p{Lu}[\p{L}.'’-]* (is|was) (a |an |the )?[^.]{0,80}\b(correspondent|reporter|editor|writer|columnist|contributor|journalist|producer|photographer|bureau chief)\b[^.]{0,60}\.?$`)

// byline matches a short "By Name Surname" line.
var byline = regexp.MustCompile(`^(?i:by)\s+(\p{Lu}[\p{L}.'’-]*\s*){1,4}((,|and)\s+(\p{Lu}[\p{L}.'’-]*\s*){1,4})*$`)

// maxFurniture is the longest line, in bytes, taken for furniture.
const maxFurniture = 200

// StripBoilerplate removes from an article's text the lines that are page
// furniture (credits, widget headings, sponsor and share lines, bylines and
// author notes), so that their names do not become entities or facts, and
// the blank lines they leave behind. A widget's credit glued to the start of
// a line is cut off. Other lines stay as they are.
func StripBoilerplate(text string) string {
	lines := strings.Split(text, "\n")
	out := lines[:0]
	dropped := false
	for _, line := range lines {
		t := strings.TrimSpace(line)
		if t != "" && len(t) < maxFurniture && (furnitureLine.MatchString(t) || isBoilerplate(t) ||
			authorBio.MatchString(t) || byline.MatchString(t)) {
			dropped = true
			continue
		}
		if dropped && t == "" && len(out) > 0 && strings.TrimSpace(out[len(out)-1]) == "" {
			continue // one blank line where furniture stood between paragraphs
		}
		if loc := widgetPrefix.FindStringIndex(t); loc != nil {
			line = strings.TrimSpace(t[loc[1]:])
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}
