package docs

import (
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

var atxHeadingLine = regexp.MustCompile(`(?m)^#{1,6} (.*)$`)

// endEntity is a character reference at the end of a heading, which MD026
// does not count as punctuation.
var endEntity = regexp.MustCompile(`&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]{2,31});$`)

// TestHeadingsUnique: no page repeats a heading's text (markdownlint's
// MD024) or ends one with punctuation (MD026), for every spec the
// repository ships and for one whose error response shares its name with
// a state set and with a type that its operation's page also shows, and
// whose title and a type's name end with punctuation.
func TestHeadingsUnique(t *testing.T) {
	cases := append(specs(t), specCase{"headings", filepath.Join("testdata", "headings.yaml")})
	for _, sc := range cases {
		files := generate(t, loadContract(t, sc.path), variants[0].opts)
		paths := make([]string, 0, len(files))
		for p := range files {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		for _, p := range paths {
			if !strings.HasSuffix(p, ".md") {
				continue
			}
			seen := map[string]bool{}
			for _, m := range atxHeadingLine.FindAllStringSubmatch(outsideFences(string(files[p])), -1) {
				if seen[m[1]] {
					t.Errorf("%s %s: heading %q appears twice", sc.name, p, m[1])
				}
				seen[m[1]] = true
				if r, _ := utf8.DecodeLastRuneInString(m[1]); strings.ContainsRune(".,;:!。，；：！", r) && !endEntity.MatchString(m[1]) {
					t.Errorf("%s %s: heading %q ends with punctuation (markdownlint's MD026)", sc.name, p, m[1])
				}
			}
		}
	}
}

// outsideFences is a page without its fenced code blocks, whose lines may
// start with # without being headings.
func outsideFences(page string) string {
	var b strings.Builder
	fenced := ""
	for _, l := range strings.Split(page, "\n") {
		trimmed := strings.TrimLeft(l, " ")
		switch {
		case fenced != "" && strings.HasPrefix(trimmed, fenced):
			fenced = ""
		case fenced != "":
		case strings.HasPrefix(trimmed, "```"), strings.HasPrefix(trimmed, "~~~"):
			fenced = trimmed[:3]
		default:
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}
