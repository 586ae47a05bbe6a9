package reader

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/kgnews/kg"
)

// ParseHTML reads a web page and keeps its article: the title and date from
// meta tags, and the text of the element that holds the most paragraph text
// (an <article>, articleBody or <main> when the page marks one), without
// scripts, styles, navigation, forms, asides or boilerplate such as
// "Sponsored Links", cookie banners and share buttons. Paragraphs are
// separated by blank lines.
func ParseHTML(src string) kg.Document {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil { // only reader errors, impossible on a string
		return kg.Document{}
	}
	m := readMeta(root)
	prune(root)
	st := measure(root)
	body := contentRoot(root, st)
	var paras []string
	for _, p := range blockTexts(body, st) {
		if !isBoilerplate(p) {
			paras = append(paras, p)
		}
	}
	doc := kg.Document{Title: m.title(), Date: m.date(), Text: strings.Join(paras, "\n\n")}
	if doc.Title == "" {
		doc.Title = ParseText(doc.Text).Title
	}
	return doc
}

// decodeHTML returns a page as UTF-8: pages that declare another charset
// (or carry a UTF-16 byte order mark) are decoded from it, and the rest are
// checked like any text.
func decodeHTML(b []byte) (string, string, error) {
	head := b[:min(len(b), 1024)]
	enc, name, certain := charset.DetermineEncoding(b, "")
	declared := certain || bytes.Contains(bytes.ToLower(head), []byte("charset"))
	if declared && name != "utf-8" && enc != nil {
		out, err := enc.NewDecoder().Bytes(b)
		if err != nil {
			return "", "", fmt.Errorf("decode %s: %w", name, err)
		}
		text, note, err := decode(out)
		if note == "" {
			note = "decoded from " + name
		}
		return text, note, err
	}
	return decode(b)
}

// dropTags are elements that never hold article text.
var dropTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Iframe: true, atom.Form: true, atom.Button: true, atom.Nav: true, atom.Footer: true,
	atom.Aside: true, atom.Select: true, atom.Input: true, atom.Textarea: true, atom.Figure: true,
	atom.Picture: true, atom.Video: true, atom.Audio: true, atom.Canvas: true, atom.Object: true,
	atom.Embed: true, atom.Dialog: true, atom.Menu: true, atom.Head: true, atom.Label: true,
}

// Class and id words of boilerplate. Strong ones always mark it; weak ones
// only when no content word (article, body, story, ...) is there too.
var (
	strongBoilerplate = regexp.MustCompile(`(?i)(^|[-_\s])(share|sharing|social|cookies?|consent|gdpr|sponsor(ed)?|advert\w*|promo(ted)?|taboola|outbrain|newsletter|subscribe|subscription|paywall|comments?|related|recommend(ed|ations)?|popup|modal)([-_\s]|$)`)
	weakBoilerplate   = regexp.MustCompile(`(?i)(^|[-_\s])(nav|navbar|navigation|menu|footer|header|masthead|sidebar|banner|widget|hidden|skip|toolbar|breadcrumbs?|overlay|ads?|adslot|byline|meta|tags?|author-bio)([-_\s]|$)`)
	contentWords      = regexp.MustCompile(`(?i)article|body|content|entry|main|post|story|text`)
	boilerplateRoles  = map[string]bool{"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
		"dialog": true, "alertdialog": true, "alert": true, "search": true, "menu": true, "menubar": true}
)

// prune removes the elements that cannot be article text.
func prune(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode:
			n.RemoveChild(c)
		case c.Type == html.ElementNode && isChrome(c):
			n.RemoveChild(c)
		default:
			prune(c)
		}
		c = next
	}
}

// isChrome reports whether an element is page chrome rather than content.
func isChrome(n *html.Node) bool {
	if dropTags[n.DataAtom] || (n.DataAtom == atom.Header && !inside(n, atom.Article)) {
		return true
	}
	if hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" || boilerplateRoles[attr(n, "role")] {
		return true
	}
	style := strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", "")
	if strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
		return true
	}
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Article, atom.Main:
		return false
	}
	names := attr(n, "class") + " " + attr(n, "id")
	if strongBoilerplate.MatchString(names) {
		return true
	}
	return weakBoilerplate.MatchString(names) && !contentWords.MatchString(names)
}

// contentRoot returns the element that holds the article: the marked
// article body with the most text, else the best-scoring container of
// paragraphs, else the body.
func contentRoot(root *html.Node, st map[*html.Node]textStats) *html.Node {
	var marked *html.Node
	markedLen := 0
	walk(root, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if attr(n, "itemprop") == "articleBody" || n.DataAtom == atom.Article || n.DataAtom == atom.Main || attr(n, "role") == "main" {
			if l := st[n].text; l > markedLen {
				marked, markedLen = n, l
			}
		}
	})
	if marked != nil && markedLen >= 200 {
		return marked
	}
	if best := bestScored(root, st); best != nil {
		return best
	}
	if body := find(root, atom.Body); body != nil {
		return body
	}
	return root
}

// bestScored scores the containers of paragraphs, in the manner of
// Readability: each paragraph of some length adds to its parent, and half as
// much to its grandparent, by its length and commas; link-heavy containers
// lose. It returns the best container, or nil when there are no paragraphs.
func bestScored(root *html.Node, st map[*html.Node]textStats) *html.Node {
	scores := map[*html.Node]float64{}
	walk(root, func(n *html.Node) {
		if n.Type != html.ElementNode || (n.DataAtom != atom.P && n.DataAtom != atom.Pre && n.DataAtom != atom.Blockquote) {
			return
		}
		t := st[n]
		if t.text < 25 || n.Parent == nil {
			return
		}
		s := 1 + float64(t.commas) + min(float64(t.text)/100, 3)
		scores[n.Parent] += s
		if n.Parent.Parent != nil {
			scores[n.Parent.Parent] += s / 2
		}
	})
	var best *html.Node
	bestScore := 0.0
	walk(root, func(n *html.Node) { // walk, not range over the map: ties resolve in document order
		if s, ok := scores[n]; ok {
			s *= 1 - st[n].linkDensity()
			if s > bestScore {
				best, bestScore = n, s
			}
		}
	})
	return best
}
