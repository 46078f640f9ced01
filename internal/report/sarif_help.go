package report

import (
	"strings"

	"github.com/sflint/sflint/internal/engine"
)

// helpSection is one part of a rule's documentation, titled as
// `sflint explain` titles it.
type helpSection struct {
	title string
	body  string
	code  bool // an example of metadata, shown verbatim
}

func helpSections(r *engine.Rule) []helpSection {
	all := []helpSection{
		{title: "Why it matters", body: r.Why},
		{title: "Runtime error it prevents", body: r.Symptom},
		{title: "How to fix", body: r.Fix},
		{title: "Flagged", body: r.Before, code: true},
		{title: "Fixed", body: r.After, code: true},
		{title: "Assumptions", body: r.Assumptions},
	}
	out := all[:0]
	for _, s := range all {
		if strings.TrimSpace(s.body) != "" {
			out = append(out, s)
		}
	}
	return out
}

// helpText is a rule's documentation as plain text; it is never empty,
// because GitHub rejects a rule whose help has no text.
func helpText(r *engine.Rule) string {
	parts := []string{orTitle(r.Description, r)}
	for _, s := range helpSections(r) {
		parts = append(parts, s.title+"\n"+strings.TrimRight(s.body, "\n"))
	}
	if len(r.Related) > 0 {
		parts = append(parts, "See also\n"+strings.Join(r.Related, "\n"))
	}
	return strings.Join(parts, "\n\n")
}

// helpMarkdown is the same documentation as GitHub-flavoured Markdown.
func helpMarkdown(r *engine.Rule) string {
	parts := []string{mdEscape(orTitle(r.Description, r))}
	for _, s := range helpSections(r) {
		body := mdEscape(s.body)
		if s.code {
			body = mdCode(s.body)
		}
		parts = append(parts, "## "+s.title+"\n\n"+body)
	}
	if len(r.Related) > 0 {
		links := make([]string, len(r.Related))
		for i, l := range r.Related {
			links[i] = "- <" + l + ">"
		}
		parts = append(parts, "## See also\n\n"+strings.Join(links, "\n"))
	}
	return strings.Join(parts, "\n\n")
}

// mdSpecial holds the characters that would otherwise turn prose such as
// "https://<your My Domain>" into HTML, emphasis or links.
const mdSpecial = "\\`*_[]<>#|&!"

func mdEscape(s string) string {
	var b strings.Builder
	for _, c := range strings.TrimSpace(s) {
		if strings.ContainsRune(mdSpecial, c) {
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// mdCode fences an example with more backticks than it contains in a row,
// so no example can close its own fence.
func mdCode(s string) string {
	longest, run := 0, 0
	for _, c := range s {
		if c != '`' {
			run = 0
			continue
		}
		run++
		longest = max(longest, run)
	}
	fence := strings.Repeat("`", max(3, longest+1))
	return fence + codeLang(s) + "\n" + strings.TrimRight(s, "\n") + "\n" + fence
}

// codeLang names XML for highlighting when the example is metadata XML,
// which most are; anything else is left plain rather than mislabelled.
func codeLang(s string) string {
	if strings.HasPrefix(strings.TrimSpace(s), "<") {
		return "xml"
	}
	return ""
}
