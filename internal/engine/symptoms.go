package engine

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// Matching a runtime error to rules. Users paste what Salesforce answered
// (a JSON error body, a callout exception, "HTTP 404"), which is rarely the
// exact sentence of a rule's symptom. Words are compared instead, weighted
// by how rare they are across all symptoms: "unsupported_grant_type" or
// "404" point at one or two rules, while "callout" or "error" appear in many
// and count for little. A rule matches when its symptom holds at least half
// of the weight of the pasted words that any symptom knows, and the text
// has at least one word that no more than a third of the symptoms share. An exact quote
// of a symptom's words beats any weighing.

// symptomStopWords carry no meaning on their own.
var symptomStopWords = map[string]bool{
	"a": true, "an": true, "the": true, "on": true, "of": true, "to": true,
	"for": true, "from": true, "in": true, "is": true, "it": true, "and": true,
	"or": true, "with": true, "this": true, "that": true, "be": true, "by": true,
	"at": true, "as": true, "i": true, "my": true, "we": true, "got": true,
	"get": true, "when": true, "error": true, "message": true, "not": true,
	"no": true, "do": true, "doe": true, "did": true, "can": true, "cannot": true,
	"have": true, "has": true, "had": true, "but": true, "if": true, "so": true,
	"you": true, "your": true, "our": true, "all": true, "any": true,
	"there": true, "what": true, "why": true, "how": true, "which": true,
	"who": true, "after": true, "before": true, "then": true, "still": true,
}

// symptomSeq splits text into lower-case words, keeping _ and digits inside
// words (unsupported_grant_type, 404), dropping apostrophes (aren't → arent)
// and a plural s, so that "credentials" finds "credential".
func symptomSeq(text string) []string {
	text = strings.NewReplacer("'", "", "’", "").Replace(strings.ToLower(text))
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
	})
	for i, w := range words {
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			words[i] = w[:len(w)-1]
		}
	}
	return words
}

// symptomWords is the set of words of text that carry meaning.
func symptomWords(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range symptomSeq(text) {
		if !symptomStopWords[w] {
			out[w] = true
		}
	}
	return out
}

// phraseMatches returns the rules whose symptom holds text word for word,
// when text has two words or more: an error message quoted exactly.
func (c *Catalog) phraseMatches(text string) []*Rule {
	q := symptomSeq(text)
	if len(q) < 2 {
		return nil
	}
	phrase := " " + strings.Join(q, " ") + " "
	var out []*Rule
	for _, r := range c.Rules {
		if strings.Contains(" "+strings.Join(symptomSeq(r.Symptom), " ")+" ", phrase) {
			out = append(out, r)
		}
	}
	return out
}

// MatchSymptom returns the rules whose symptom (the runtime error each rule
// prevents) best matches text, best first. Rules that quote text exactly
// are the answer when there are any; otherwise words are weighed.
func (c *Catalog) MatchSymptom(text string) []*Rule {
	if exact := c.phraseMatches(text); len(exact) > 0 {
		return exact
	}
	query := symptomWords(text)
	docs := make([]map[string]bool, len(c.Rules))
	df := map[string]int{}
	for i, r := range c.Rules {
		docs[i] = symptomWords(r.Symptom)
		for w := range docs[i] {
			df[w]++
		}
	}
	weight := func(w string) float64 { return math.Log(1 + float64(len(c.Rules))/float64(df[w])) }
	total, distinctive := 0.0, false
	for w := range query {
		if df[w] > 0 {
			total += weight(w)
			distinctive = distinctive || df[w]*3 <= len(c.Rules)
		}
	}
	if !distinctive {
		return nil // only words most symptoms share, such as "callout"
	}
	type scored struct {
		rule  *Rule
		score float64
	}
	var hits []scored
	for i, r := range c.Rules {
		s := 0.0
		for w := range query {
			if docs[i][w] {
				s += weight(w)
			}
		}
		if s >= total/2 {
			hits = append(hits, scored{r, s})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].score > hits[j].score })
	out := make([]*Rule, len(hits))
	for i, h := range hits {
		out[i] = h.rule
	}
	return out
}
