package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"

	"github.com/sflint/sflint/internal/engine"
)

// SARIF constants. The schema URL is the final OASIS one, which the SARIF
// Multitool's GitHub rules require. Locations are relative to sarifSrcRoot,
// the conventional name for the checked-out sources; it is left out of
// originalUriBaseIds so no absolute path of the machine that ran sflint
// gets into the log, and GitHub resolves the paths against its checkout.
const (
	sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/" +
		"schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
	sarifInfoURI = "https://github.com/sflint/sflint"
	sarifSrcRoot = "%SRCROOT%"
	// sarifFingerprintKey names our own partial fingerprint. It hashes
	// rule, file and message but not the line, so an alert survives edits
	// that only move it; the "/v1" lets the recipe change without clashing.
	sarifFingerprintKey = "sflintFingerprint/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	InformationURI  string      `json:"informationUri"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	Version         string      `json:"version,omitempty"`
	Rules           []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifHelp          `json:"help"`
	HelpURI              string             `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags             []string `json:"tags"`
	Precision        string   `json:"precision"`
	SecuritySeverity string   `json:"security-severity,omitempty"`
}

// sarifResult is one finding. Every result carries Suppressions: an empty
// list means "not suppressed", and a finding silenced by a comment in the
// source stays in the log, marked inSource with the comment's reason, as
// SARIF asks rather than being dropped. sarifResultOf fills it in.
type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Suppressions        []sarifSuppression `json:"suppressions"`
}

// sarifSuppression is how SARIF records a finding silenced on purpose.
type sarifSuppression struct {
	Kind          string `json:"kind"` // "inSource" for a comment in the metadata file
	Justification string `json:"justification,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

// SARIF writes a SARIF 2.1.0 log with one run: the catalog as the driver's
// rules and one result per finding.
func SARIF(w io.Writer, r *Report) error {
	rules, index := sarifRules(allRules(r))
	results := make([]sarifResult, 0, len(r.Findings))
	seen := map[string]int{}
	for _, f := range r.Findings {
		results = append(results, sarifResultOf(f, index[f.Rule.ID], seen, ""))
	}
	for _, s := range r.Suppressed {
		results = append(results, sarifResultOf(s.Finding, index[s.Finding.Rule.ID], seen, s.Justification))
	}
	semver := sarifSemver(r.Version)
	log := sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{{
		Tool: sarifTool{Driver: sarifDriver{
			Name: "sflint", InformationURI: sarifInfoURI,
			SemanticVersion: semver, Version: semver, Rules: rules,
		}},
		// Columns count Unicode code points, as the XML reader does.
		ColumnKind: "unicodeCodePoints",
		Results:    results,
	}}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// sarifRules describes every catalog rule and maps each id to its index,
// which results cite as ruleIndex.
func sarifRules(catalog []*engine.Rule) ([]sarifRule, map[string]int) {
	rules := make([]sarifRule, 0, len(catalog))
	index := make(map[string]int, len(catalog))
	for i, r := range catalog {
		index[r.ID] = i
		rules = append(rules, sarifRule{
			ID:                   r.ID,
			Name:                 pascalName(r.ID),
			ShortDescription:     sarifText{Text: r.Title},
			FullDescription:      sarifText{Text: orTitle(r.Description, r)},
			Help:                 sarifHelp{Text: helpText(r), Markdown: helpMarkdown(r)},
			HelpURI:              helpURI(r),
			DefaultConfiguration: sarifConfiguration{Level: sarifLevel(r.Severity)},
			Properties:           sarifProps(r),
		})
	}
	return rules, index
}

func sarifProps(r *engine.Rule) sarifRuleProps {
	p := sarifRuleProps{Tags: []string{r.Category()}, Precision: "high"}
	if r.Security {
		// GitHub reads security-severity only on rules tagged "security".
		p.Tags = append(p.Tags, "security")
		p.SecuritySeverity = securitySeverity[r.Severity]
	}
	return p
}

// securitySeverity maps a severity to a CVSS-like score: GitHub shows 7.0
// and up as high, 4.0 to 6.9 as medium and 0.1 to 3.9 as low.
var securitySeverity = map[engine.Severity]string{
	engine.Error: "8.0", engine.Warning: "5.0", engine.Info: "2.0",
}

func sarifLevel(s engine.Severity) string {
	switch s {
	case engine.Error:
		return "error"
	case engine.Warning:
		return "warning"
	}
	return "note"
}

// sarifResultOf describes a finding; a justification marks it as
// suppressed in the source (suppression comments always give one).
func sarifResultOf(f engine.Finding, ruleIndex int, seen map[string]int, justification string) sarifResult {
	sup := []sarifSuppression{}
	if justification != "" {
		sup = append(sup, sarifSuppression{Kind: "inSource", Justification: justification})
	}
	return sarifResult{
		RuleID:              f.Rule.ID,
		RuleIndex:           ruleIndex,
		Level:               sarifLevel(f.Severity),
		Message:             sarifText{Text: messageWithFix(f)},
		Locations:           []sarifLocation{sarifLocationOf(f)},
		PartialFingerprints: map[string]string{sarifFingerprintKey: fingerprint(f, seen)},
		Suppressions:        sup,
	}
}

// sarifLocationOf places a finding relative to %SRCROOT%. SARIF positions
// start at 1, so a finding about a whole file points at its start.
func sarifLocationOf(f engine.Finding) sarifLocation {
	return sarifLocation{PhysicalLocation: sarifPhysicalLocation{
		ArtifactLocation: sarifArtifactLocation{URI: fileURI(f.File), URIBaseID: sarifSrcRoot},
		Region:           sarifRegion{StartLine: atLeast1(f.Line), StartColumn: atLeast1(f.Col)},
	}}
}

// fingerprint hashes what identifies a finding apart from its position. The
// occurrence number after the colon tells apart identical findings in one
// file, counted in the engine's sorted order, so it too survives line shifts.
func fingerprint(f engine.Finding, seen map[string]int) string {
	sum := sha256.Sum256([]byte(f.Rule.ID + "\x00" + f.File + "\x00" + f.Message))
	h := hex.EncodeToString(sum[:])
	seen[h]++
	return fmt.Sprintf("%s:%d", h, seen[h])
}

// messageWithFix joins a finding's message and fix as sentences, because
// SARIF viewers show only the message.
func messageWithFix(f engine.Finding) string {
	if f.Fix == "" {
		return sentence(f.Message)
	}
	return sentence(f.Message) + " Fix: " + sentence(f.Fix)
}

func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return s
	}
	return s + "."
}

// fileURI turns a slash path into a relative URI reference, escaping what
// a URI cannot hold (spaces, '%', '#', ...) but keeping the slashes.
func fileURI(p string) string {
	return (&url.URL{Path: strings.TrimPrefix(p, "/")}).EscapedPath()
}

func atLeast1(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

// helpURI is the rule's first related link, when it is an absolute URL as
// SARIF requires.
func helpURI(r *engine.Rule) string {
	if len(r.Related) == 0 {
		return ""
	}
	u, err := url.Parse(r.Related[0])
	if err != nil || !u.IsAbs() {
		return ""
	}
	return r.Related[0]
}

func orTitle(s string, r *engine.Rule) string {
	if s == "" {
		return r.Title
	}
	return s
}

// semverRE is the Semantic Versioning 2.0.0 grammar.
var semverRE = regexp.MustCompile(`^` + semverNum + `\.` + semverNum + `\.` + semverNum +
	`(?:-` + semverPre + `(?:\.` + semverPre + `)*)?` +
	`(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$`)

const (
	semverNum = `(?:0|[1-9]\d*)`
	semverPre = `(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)`
)

// sarifSemver reads the semantic version from a version string such as
// "v1.2.3 (OPA v1.4.2)"; it is empty for a development build.
func sarifSemver(v string) string {
	fields := strings.Fields(v)
	if len(fields) == 0 {
		return ""
	}
	s := strings.TrimPrefix(fields[0], "v")
	if !semverRE.MatchString(s) {
		return ""
	}
	return s
}

// pascalName turns "eca/missing-run-as-user" into "EcaMissingRunAsUser",
// the friendly-name form SARIF recommends.
func pascalName(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	}) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}
