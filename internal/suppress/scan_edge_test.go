package suppress

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestScanFormBeforeNewline reads a multi-line XML comment whose form ends
// its line: the newline separates the form from the rule as a space does.
func TestScanFormBeforeNewline(t *testing.T) {
	for _, text := range []string{
		"<!--\n  sflint-disable-next-line\n  eca/x - the reason\n-->",
		"<!--\r\n  sflint-disable-next-line\r\n  eca/x - the reason\r\n-->",
	} {
		ds := Scan(XMLComments, []byte(text))
		if len(ds) != 1 || ds[0].Problem != "" || ds[0].Kind != NextLine ||
			strings.Join(ds[0].Rules, " ") != "eca/x" || ds[0].Reason != "the reason" {
			t.Errorf("Scan(%q) = %+v", text, ds)
		}
	}
}

// TestScanColumnsOnALongLine checks the columns of many comments on one
// line, among characters of several byte lengths and invalid UTF-8,
// against counting each from the start of the line.
func TestScanColumnsOnALongLine(t *testing.T) {
	const comment = "<!-- sflint-enable -->"
	var b strings.Builder
	b.WriteString("x\n")
	fill := []string{"é", "\xff", "日本", "\xe2\x82", "a"}
	for i := range 2000 {
		b.WriteString(fill[i%len(fill)])
		b.WriteString(comment)
	}
	data := b.String()
	ds := Scan(XMLComments, []byte(data))
	if len(ds) != 2000 {
		t.Fatalf("got %d directives, want 2000", len(ds))
	}
	line := data[2:]
	off := 0
	for i, d := range ds {
		off += strings.Index(line[off:], comment)
		want := utf8.RuneCountInString(line[:off]) + 1
		if d.Line != 2 || d.Col != want {
			t.Fatalf("directive %d at %d:%d, want 2:%d", i, d.Line, d.Col, want)
		}
		off += len(comment)
	}
}

// TestScanHugeLines scans lines of a megabyte and more, one holding 50,000
// comments: counting columns from the start of the line for each comment
// took minutes here.
func TestScanHugeLines(t *testing.T) {
	tests := []struct {
		name  string
		style Style
		text  string
		want  int
	}{
		{"xml comments", XMLComments, strings.Repeat("é<!-- sflint-enable -->", 50000), 50000},
		{"xml reason", XMLComments,
			"<!-- sflint-disable-line a/b - " + strings.Repeat("é", 1<<20) + " -->", 1},
		{"slash rules", SlashComments,
			"// sflint-disable-line " + strings.Repeat("a/b, ", 1<<18) + "-- r\n", 1},
		{"slash comments", SlashComments, strings.Repeat("// sflint-enable ", 1<<16), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := len(Scan(tt.style, []byte(tt.text))); got != tt.want {
				t.Errorf("got %d directives, want %d", got, tt.want)
			}
		})
	}
}
