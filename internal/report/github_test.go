package report

import "testing"

func TestGitHubEscaping(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, property, data string
	}{
		{"plain", "a/b c.xml", "a/b c.xml", "a/b c.xml"},
		{"percent first", "100%0A", "100%250A", "100%250A"},
		{"line breaks", "a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"separators", "x:1,y::z", "x%3A1%2Cy%3A%3Az", "x:1,y::z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := ghProperty(tt.in); got != tt.property {
				t.Errorf("ghProperty(%q) = %q, want %q", tt.in, got, tt.property)
			}
			if got := ghData(tt.in); got != tt.data {
				t.Errorf("ghData(%q) = %q, want %q", tt.in, got, tt.data)
			}
		})
	}
}
