package queries

import (
	"slices"
	"strings"
	"sync"

	"github.com/kgnews/kg/data"
)

// verbSynonyms maps a verb to its WordNet synonyms (data.VerbSynonyms),
// read lazily on the first question that needs them.
var verbSynonyms = sync.OnceValue(func() map[string][]string {
	out := map[string][]string{}
	for line := range strings.SplitSeq(data.VerbSynonyms, "\n") {
		v, syns, ok := strings.Cut(line, ":")
		if ok && !strings.HasPrefix(v, "#") {
			out[strings.TrimSpace(v)] = strings.Fields(syns)
		}
	}
	return out
})

// synonymGroups lists predicates with the same meaning, the canonical one
// first, from the table the relation extractor uses too (data.Synonyms), so
// a question's verb maps to the predicate the extractor wrote.
var synonymGroups = parseSynonyms(data.Synonyms)

// parseSynonyms reads "canonical: predicate ..." lines, skipping comments.
func parseSynonyms(text string) [][]string {
	var out [][]string
	for line := range strings.SplitSeq(text, "\n") {
		canon, words, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(canon, "#") {
			continue
		}
		group := []string{strings.TrimSpace(canon)}
		for _, w := range strings.Fields(words) {
			if w != group[0] {
				group = append(group, w)
			}
		}
		out = append(out, group)
	}
	return out
}

// canonicalPredicate maps each synonym to its group's canonical predicate.
var canonicalPredicate = func() map[string]string {
	m := map[string]string{}
	for _, g := range synonymGroups {
		for _, p := range g {
			m[p] = g[0]
		}
	}
	return m
}()

// synonymsOf returns the predicates that mean the same as p, p's canonical
// form first; p alone when it has no synonyms.
func synonymsOf(p string) []string {
	c, ok := canonicalPredicate[p]
	if !ok {
		return []string{p}
	}
	for _, g := range synonymGroups {
		if g[0] == c {
			return g
		}
	}
	return []string{p}
}

// irregularVerbs maps past tenses and participles of irregular English verbs,
// and other inflected forms rules get wrong, to their lemma.
var irregularVerbs = map[string]string{
	"met": "meet", "struck": "strike", "stricken": "strike", "held": "hold", "sat": "sit", "spoke": "speak",
	"spoken": "speak", "said": "say", "told": "tell", "took": "take", "taken": "take", "gave": "give",
	"given": "give", "made": "make", "went": "go", "gone": "go", "saw": "see", "seen": "see", "came": "come",
	"became": "become", "began": "begin", "begun": "begin", "brought": "bring", "bought": "buy",
	"built": "build", "caught": "catch", "chose": "choose", "chosen": "choose", "did": "do", "done": "do",
	"drew": "draw", "drawn": "draw", "drove": "drive", "driven": "drive", "ate": "eat", "eaten": "eat",
	"fell": "fall", "fallen": "fall", "fought": "fight", "found": "find", "fled": "flee", "flew": "fly",
	"flown": "fly", "forgot": "forget", "forgotten": "forget", "froze": "freeze", "frozen": "freeze",
	"got": "get", "gotten": "get", "grew": "grow", "grown": "grow", "had": "have", "has": "have",
	"heard": "hear", "hid": "hide", "hidden": "hide", "hit": "hit", "hurt": "hurt", "kept": "keep",
	"knew": "know", "known": "know", "led": "lead", "left": "leave", "lent": "lend", "let": "let",
	"lost": "lose", "meant": "mean", "paid": "pay", "put": "put", "quit": "quit", "ran": "run",
	"read": "read", "rode": "ride", "ridden": "ride", "rose": "rise", "risen": "rise", "sold": "sell",
	"sent": "send", "set": "set", "shot": "shoot", "shut": "shut", "slew": "slay", "slain": "slay",
	"sought": "seek", "spent": "spend", "split": "split", "spread": "spread", "stood": "stand",
	"stole": "steal", "stolen": "steal", "swore": "swear", "sworn": "swear", "taught": "teach",
	"thought": "think", "threw": "throw", "thrown": "throw", "understood": "understand", "won": "win",
	"wrote": "write", "written": "write", "withdrew": "withdraw", "withdrawn": "withdraw",
	"overthrew": "overthrow", "overthrown": "overthrow", "beat": "beat", "beaten": "beat", "bore": "bear",
	"borne": "bear", "bound": "bind", "broke": "break", "broken": "break", "dealt": "deal", "felt": "feel",
	"fed": "feed", "forbade": "forbid", "forbidden": "forbid", "forgave": "forgive", "forgiven": "forgive",
	"hung": "hang", "laid": "lay", "lay": "lie", "lain": "lie", "rang": "ring", "rung": "ring",
	"shook": "shake", "shaken": "shake", "undertook": "undertake",
	"upheld": "uphold", "was": "be", "were": "be", "is": "be", "are": "be", "been": "be", "does": "do",
	"sued": "sue", "vetoes": "veto", "vetoed": "veto", "echoed": "echo",
	"sank": "sink", "sunk": "sink", "swam": "swim", "swum": "swim", "sang": "sing", "sung": "sing",
	"wore": "wear", "worn": "wear", "woke": "wake", "woken": "wake", "tore": "tear", "torn": "tear",
	"spun": "spin", "stuck": "stick", "swept": "sweep", "slept": "sleep",
	"wept": "weep", "wound": "wind", "arose": "arise", "arisen": "arise",
	"dug": "dig", "hanged": "hang",
	"lit": "light", "sped": "speed", "sprang": "spring", "sprung": "spring", "strove": "strive",
	"agreed": "agree", "freed": "free", "fleed": "flee", "accused": "accuse", "created": "create", "recreated": "recreate", "criticised": "criticise",
}

// particles are prepositions and adverbs that belong to a phrasal predicate
// (talk with, sit down with, vote against).
var particles = map[string]bool{
	"with": true, "to": true, "for": true, "against": true, "about": true, "on": true, "at": true,
	"from": true, "into": true, "up": true, "down": true, "off": true, "out": true, "over": true,
	"in": true, "of": true, "by": true, "upon": true, "onto": true, "toward": true, "towards": true,
}

// verbLemmas returns the likely lemmas of an inflected verb, the rule's best
// guess first. Regular forms are ambiguous in spelling alone (vetoed → veto,
// accused → accuse, stopped → stop), so callers may check the others against
// the predicates the graph holds.
func verbLemmas(w string) []string {
	w = strings.ToLower(w)
	if l, ok := irregularVerbs[w]; ok {
		return []string{l}
	}
	n := len(w)
	var out []string
	add := func(s string) {
		if len(s) >= 2 && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	switch {
	case n > 4 && strings.HasSuffix(w, "ied"):
		add(w[:n-3] + "y")
	case n > 3 && strings.HasSuffix(w, "ed"):
		stem := w[:n-2]
		if doubled(stem) {
			add(stem[:len(stem)-1])
		}
		if needsE(stem) {
			add(stem + "e")
		}
		add(stem)
		add(stem + "e")
	case n > 5 && strings.HasSuffix(w, "ing"):
		stem := w[:n-3]
		if doubled(stem) {
			add(stem[:len(stem)-1])
		}
		add(stem)
		add(stem + "e")
	case n > 4 && strings.HasSuffix(w, "ies"):
		add(w[:n-3] + "y")
	case n > 3 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes")):
		add(w[:n-2])
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		add(w[:n-1])
	}
	if w != "" && !slices.Contains(out, w) {
		out = append(out, w)
	}
	return out
}

// doubled reports whether s ends in a doubled consonant that inflection adds
// (stopp-ed), not one the lemma has (kill-ed, press-ed).
func doubled(s string) bool {
	n := len(s)
	if n < 3 || s[n-1] != s[n-2] || isVowel(s[n-1]) {
		return false
	}
	return !strings.ContainsRune("lsfz", rune(s[n-1])) && isVowel(s[n-3])
}

// needsE reports whether a stem left by -ed most likely lost a final e
// (accus-ed, creat-ed, charg-ed, solv-ed).
func needsE(s string) bool {
	n := len(s)
	if n < 2 {
		return false
	}
	last, prev := s[n-1], s[n-2]
	switch {
	case strings.ContainsRune("cguvz", rune(last)) && !strings.HasSuffix(s, "ng"):
		return true
	case strings.HasSuffix(s, "iat") || last == 't' && prev == 'a' && n >= 3 && !isVowel(s[n-3]):
		return true // negotiat-ed, debat-ed, stat-ed
	case strings.ContainsRune("stdkmnprl", rune(last)) && isVowel(prev) && n >= 3 && !isVowel(s[n-3]):
		// consonant-vowel-consonant: accus, creat, decid, invok, blam, nam, escap, declar, rul
		return !strings.HasSuffix(s, "en") && !strings.HasSuffix(s, "er") && !strings.HasSuffix(s, "it") && !strings.HasSuffix(s, "on")
	}
	return false
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// nounLemma returns the singular of a plural noun in a light-verb phrase
// (talks → talk, meetings → meeting).
func nounLemma(w string) string {
	w = strings.ToLower(w)
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return w[:len(w)-1]
	}
	return w
}

// eventNouns maps verbs to the nouns that name their event, for questions
// whose text says "Warhol's death in 1987" where the question asks "When
// did Warhol die?".
var eventNouns = map[string][]string{
	"die": {"death"}, "bear": {"birth"}, "marry": {"marriage", "wedding"}, "found": {"founding", "foundation"},
	"elect": {"election"}, "arrest": {"arrest"}, "meet": {"meeting"}, "visit": {"visit"}, "attack": {"attack"},
	"invade": {"invasion"}, "sign": {"signing"}, "resign": {"resignation"}, "appoint": {"appointment"},
	"launch": {"launch"}, "release": {"release"}, "open": {"opening"}, "kill": {"killing"}, "collapse": {"collapse"},
	"begin": {"beginning", "start"}, "start": {"start"}, "end": {"end"}, "win": {"victory", "win"}, "lose": {"defeat", "loss"},
	"defeat": {"defeat"}, "occupy": {"occupation"}, "execute": {"execution"}, "retire": {"retirement"},
	"graduate": {"graduation"}, "move": {"move"}, "return": {"return"}, "leave": {"departure"}, "arrive": {"arrival"},
	"announce": {"announcement"}, "decide": {"decision"}, "sentence": {"sentence"}, "convict": {"conviction"},
	"explode": {"explosion"}, "crash": {"crash"}, "strike": {"strike"}, "vote": {"vote"}, "publish": {"publication"},
	"establish": {"establishment"}, "create": {"creation"}, "build": {"construction"}, "construct": {"construction"},
}
