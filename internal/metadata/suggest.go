package metadata

import (
	"sort"
	"strings"
)

// Closest returns the candidate nearest to name: an exact match ignoring
// case, else the one within a small edit distance (or sharing a long prefix),
// else "". Ties go to the alphabetically first candidate, so results are
// deterministic.
func Closest(name string, candidates []string) string {
	lower := strings.ToLower(name)
	best, bestDist := "", 1<<30
	sorted := append([]string(nil), candidates...)
	sort.Strings(sorted)
	for _, c := range sorted {
		lc := strings.ToLower(c)
		if lc == lower {
			return c
		}
		d := distance(lower, lc)
		if d < bestDist {
			best, bestDist = c, d
		}
	}
	if best != "" && bestDist <= maxDistance(name) {
		return best
	}
	// A known name with something appended (remoteSiteSetting for remoteSite).
	for _, c := range sorted {
		if len(c) >= 6 && strings.HasPrefix(lower, strings.ToLower(c)) {
			return c
		}
	}
	return ""
}

func maxDistance(name string) int {
	switch {
	case len(name) <= 4:
		return 1
	case len(name) <= 10:
		return 2
	}
	return 3
}

// distance is the Levenshtein distance between two strings of bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// SuggestSuffix returns the known suffix an unknown one was probably meant
// to be, or "".
func SuggestSuffix(suffix string) string {
	if s, ok := observedSuffixes[suffix]; ok {
		return s
	}
	all := make([]string, 0, len(bySuffix))
	for s := range bySuffix {
		all = append(all, s)
	}
	return Closest(suffix, all)
}

// observedSuffixes are wrong suffixes seen in generated guides, with the
// suffix they stand for (FORMATS.md section 16).
var observedSuffixes = map[string]string{
	"ecaGlobalOauth":    "ecaGlblOauth",
	"remoteSiteSetting": "remoteSite",
}

// ByFolder returns the type whose default folder this is, or nil. Folders
// shared by several types are not mapped.
func ByFolder(folder string) *Type {
	return byFolder[folder]
}

var byFolder = map[string]*Type{}

func indexFolders() {
	count := map[string]int{}
	for i := range sdrTypes {
		count[sdrTypes[i].Folder]++
	}
	for i := range sdrTypes {
		if t := &sdrTypes[i]; t.Folder != "" && count[t.Folder] == 1 {
			byFolder[t.Folder] = t
		}
	}
}
