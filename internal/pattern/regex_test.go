package pattern_test

import (
	"path/filepath"

	"bytes"
	"encoding/json"
	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/emit/schema"
	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/pattern"
	"github.com/contractgen/contractgen/internal/validate"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Strings the regex tests run every pattern on: plain and Unicode text
// around tokens, whitespace of every kind, look-alike letters.
var probes = []string{
	"", " ", "\t\n", "\u3000", "\u00a0x\u2028", "\x1c", "tenant-demo", " tenant ",
	"ghp_123456789012345678901234567890",
	"xghp_123456789012345678901234567890",
	"\u00e9ghp_123456789012345678901234567890",
	"\u00e9 ghp_123456789012345678901234567890",
	"ghp_123456789012345678901234567890\u00e9",
	"ghp_123456789012345678901234567890\u3002",
	"ghp_12345678901234567890123456789\u0660",
	"\u4e2dghp_123456789012345678901234567890",
	"token=ghp_123456789012345678901234567890;",
	"sk_live_0123456789abcdefABCD",
	"sk_test_0123456789abcdef-",
	"xoxb-0123456789abcdef-",
	"xoxb-0123456789abcdef-\u00e9",
	"xoxb-0123456789abcdef-x",
	"xoxb-0123456789abcdefx",
	"xoxb-0123456789abcdef\u00e9",
	"-----BEGIN RSA PRIVATE KEY-----",
	"4111111111111111", "a4111111111111111", "4111111111111\u00b2", "41111111111111111111",
	"AKIAABCDEFGHIJKLMNOP", "\u00c0AKIAABCDEFGHIJKLMNOP", "AKIAABCDEFGHIJKLMNOP\u00c0",
	"eyJhbGciOiJIUzI1.eyJzdWIiOiIx.c2lnbmF0dXJl",
	"rk_live_0123456789abcdefghijklmn", "sk_live_0123456789abcdefghijklmn\u0663",
	"acct_12345678", " acct_12345678", "acct_12345678\n", "we_0123456789abcdef",
	"https://shop.example.com/hooks", "https://a.b:8443/in x", "pay_A1b2C3d4E5f6G7",
	"new-checkout", "a\nb", "a\rb", "a\u2028b",
}

// emittedPatterns collects every pattern of every emitted schema.
func emittedPatterns(t *testing.T) []string {
	t.Helper()
	seen := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if s, ok := e.(string); ok && k == "pattern" {
					seen[s] = true
				}
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	for _, sc := range specs(t) {
		for _, data := range generate(t, sc.path) {
			var doc any
			require.NoError(t, json.Unmarshal(data, &doc))
			walk(doc)
		}
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// goMatches runs patterns over the probes with Go's regexp.
func goMatches(t *testing.T, patterns []string, inputs []string) [][]bool {
	t.Helper()
	out := make([][]bool, len(patterns))
	for i, p := range patterns {
		re, err := regexp.Compile(p)
		require.NoError(t, err, p)
		for _, in := range inputs {
			out[i] = append(out[i], re.MatchString(in))
		}
	}
	return out
}

// runScript feeds {patterns, inputs} to a script that prints a JSON matrix
// of search results, or an error string per pattern.
func runScript(t *testing.T, bin string, args []string, patterns, inputs []string) [][]bool {
	t.Helper()
	path, err := exec.LookPath(bin)
	if err != nil {
		if os.Getenv("CONTRACTGEN_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s not installed, and CONTRACTGEN_REQUIRE_TOOLS=1", bin)
		}
		t.Skipf("%s not installed", bin)
	}
	in, err := json.Marshal(map[string]any{"patterns": patterns, "inputs": inputs})
	require.NoError(t, err)
	cmd := exec.Command(path, args...)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, stderr.String())
	var res []json.RawMessage
	require.NoError(t, json.Unmarshal(out, &res))
	matrix := make([][]bool, len(res))
	for i, r := range res {
		var msg string
		if json.Unmarshal(r, &msg) == nil {
			t.Errorf("%s rejects pattern %q: %s", bin, patterns[i], msg)
			continue
		}
		require.NoError(t, json.Unmarshal(r, &matrix[i]))
	}
	return matrix
}

const nodeScript = `
const {patterns, inputs} = JSON.parse(require('fs').readFileSync(0, 'utf8'));
console.log(JSON.stringify(patterns.map(p => {
  try { const re = new RegExp(p, 'u'); return inputs.map(s => re.test(s)); }
  catch (e) { return String(e); }
})));`

const pythonScript = `
import json, re, sys, warnings
warnings.simplefilter("error")
d = json.load(sys.stdin)
out = []
for p in d["patterns"]:
    try:
        r = re.compile(p)
        out.append([r.search(s) is not None for s in d["inputs"]])
    except Exception as e:
        out.append(str(e))
print(json.dumps(out))`

// TestPatternsAgreeAcrossEngines compiles every emitted pattern with the
// ECMA-262 engine of Node (u flag) and Python's re, and checks that both find
// the same matches as Go on the probes.
func TestPatternsAgreeAcrossEngines(t *testing.T) {
	patterns := emittedPatterns(t)
	require.NotEmpty(t, patterns)
	want := goMatches(t, patterns, probes)
	for _, eng := range []struct {
		bin  string
		args []string
	}{{"node", []string{"-e", nodeScript}}, {"python3", []string{"-c", pythonScript}}} {
		t.Run(eng.bin, func(t *testing.T) {
			got := runScript(t, eng.bin, eng.args, patterns, probes)
			for i, p := range patterns {
				if got[i] == nil {
					continue
				}
				for j, in := range probes {
					if eng.bin == "python3" && strings.HasSuffix(in, "\n") && strings.Contains(p, "$") {
						continue // Python's $ before a final newline: see pattern.NeedsNewlineGuard
					}
					assert.Equal(t, want[i][j], got[i][j], "%s and Go disagree on %q against %q", eng.bin, abbreviate(p), in)
				}
			}
		})
	}
}

func abbreviate(p string) string {
	if len(p) > 120 {
		return p[:60] + "..." + p[len(p)-40:]
	}
	return p
}

// TestPortablePatternFollowsPython checks that the rewritten spec patterns
// match exactly where Python's re.search matches the originals, Unicode word
// boundaries included.
func TestPortablePatternFollowsPython(t *testing.T) {
	originals := []string{
		`\bgh[pousr]_[A-Za-z0-9_]{20,}\b`,
		`\bsk_(?:live|test)_[A-Za-z0-9_]{16,}\b`,
		`\bxox[baprs]-[A-Za-z0-9\-]{16,}\b`,
		`-----BEGIN [A-Z ]*PRIVATE KEY-----`,
		`\b4[0-9]{12}(?:[0-9]{3})?\b`,
		`\b(?:sk|rk)_live_[A-Za-z0-9]{24,}\b`,
		`\bAKIA[0-9A-Z]{16}\b`,
		`\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}`,
		`^acct_[A-Za-z0-9]{8,32}$`,
		`^https://[A-Za-z0-9.\-]+(:[0-9]{2,5})?(/[^ \t\n\r]*)?$`,
		`a.b`, `x\B`, `\B-`, `[a-]\b`, `^\bfoo\b`,
	}
	var printed []string
	for _, p := range originals {
		q, err := pattern.PortablePattern(p)
		require.NoError(t, err, p)
		printed = append(printed, q)
	}
	inputs := append(append([]string{}, probes...), "foo", "foo bar", "xx", "x-", "--", "a-", "-a", "a\u00e9", "a\u00e9-")
	// Python's $ also matches before a final newline; the rewritten pattern
	// keeps $, so leave such inputs out of the comparison (RULES.md).
	var cmp []string
	for _, in := range inputs {
		if !strings.HasSuffix(in, "\n") {
			cmp = append(cmp, in)
		}
	}
	py := runScript(t, "python3", []string{"-c", pythonScript}, originals, cmp)
	got := goMatches(t, printed, cmp)
	for i, p := range originals {
		for j, in := range cmp {
			assert.Equal(t, py[i][j], got[i][j], "rewritten %q and Python's %q disagree on %q", abbreviate(printed[i]), p, in)
		}
	}
}

func TestPortablePatternSpelling(t *testing.T) {
	for _, c := range []struct{ in, out string }{
		{`^[a-z][a-z0-9_\-]*$`, `^[a-z][\-0-9_a-z]*$`},
		{`-----BEGIN [A-Z ]*PRIVATE KEY-----`, `-----BEGIN [ A-Z]*PRIVATE KEY-----`},
		{`a.b`, `a[^\n]b`},
		{`(x|y)+?z{2}`, `(?:[xy])+?z{2}`},
		{`(ab)*`, `(?:ab)*`},
		{`\{\}\]`, `\{\}\]`},
		{`^\bfoo`, `^foo`},
		{`a\b-`, `a-`},
		// A class of a letter's case forms is a case-folding literal to RE2;
		// it comes back as the class of every case form.
		{`[Bb]earer`, `[Bb]earer`},
		{`[Kk]ey`, `[Kk]ey`},
		{`(?i)abc`, `[Aa][Bb][Cc]`},
		{`(?i)k`, "[Kk\u212a]"},
	} {
		got, err := pattern.PortablePattern(c.in)
		require.NoError(t, err, c.in)
		assert.Equal(t, c.out, got, c.in)
	}
	for _, bad := range []string{`x?\by`, `(?m)^a`, `(?:\bx)+`} {
		_, err := pattern.PortablePattern(bad)
		assert.Error(t, err, bad)
	}
}

// TestKeyPatternsFollowPythonLower checks the key patterns against Python's
// str.lower() and against pattern.LowerKey.
func TestKeyPatternsFollowPythonLower(t *testing.T) {
	parts := []string{"token", "api_key", "secret", "client_secret", "api", "card_number"}
	keys := []string{
		"token", "TOKEN", "Refresh_Token", "to\u212aen", "TO\u212aEN", "tokens", "tok_en",
		"X-Api_Key", "apikey", "API_KEY", "ap\u0130_key", "ap\u0130", "API", "\u0130",
		"Secretary", "\u017fecret", "SECRET", "pass_word", "secre", "Card_Number",
		"CLIENT_SECRET", "client-secret",
	}
	var pats []string
	for _, p := range parts {
		q, err := pattern.KeyPartPattern(p)
		require.NoError(t, err, p)
		pats = append(pats, q)
	}
	script := `
import json, sys
d = json.load(sys.stdin)
print(json.dumps([[p in k.lower() for k in d["inputs"]] for p in d["patterns"]]))`
	py := runScript(t, "python3", []string{"-c", script}, parts, keys)
	got := goMatches(t, pats, keys)
	for i, p := range parts {
		for j, k := range keys {
			assert.Equal(t, py[i][j], got[i][j], "part %q, key %q: pattern %q disagrees with Python", p, k, pats[i])
			assert.Equal(t, py[i][j], strings.Contains(pattern.LowerKey(k), p), "pattern.LowerKey disagrees with Python on %q", k)
		}
	}

	exacts := []string{"pan", "ssn", "password", "iban"}
	ekeys := []string{"pan", "PAN", "Pan", "pan ", "pan\n", "span", "pans", "IBAN", "\u0130BAN", "iban\n", "SSN", "ssn\n", "pa\u017f\u017fword"}
	var epats []string
	var maxes []int
	for _, e := range exacts {
		q, n, err := pattern.ExactKeyPattern(e)
		require.NoError(t, err, e)
		epats = append(epats, q)
		maxes = append(maxes, n)
	}
	escript := `
import json, sys
d = json.load(sys.stdin)
print(json.dumps([[k.lower() == p for k in d["inputs"]] for p in d["patterns"]]))`
	epy := runScript(t, "python3", []string{"-c", escript}, exacts, ekeys)
	egot := goMatches(t, epats, ekeys)
	for i, e := range exacts {
		for j, k := range ekeys {
			match := egot[i][j] && len([]rune(k)) <= maxes[i]
			assert.Equal(t, epy[i][j], match, "exact %q, key %q", e, k)
		}
	}
}

func TestKeyPatternSpelling(t *testing.T) {
	p, err := pattern.KeyPartPattern("token")
	require.NoError(t, err)
	assert.Equal(t, "[Tt][Oo][Kk\u212a][Ee][Nn]", p)
	p, err = pattern.KeyPartPattern("x.i")
	require.NoError(t, err)
	assert.Equal(t, "[Xx]\\.[Ii\u0130]", p)
	p, n, err := pattern.ExactKeyPattern("ssn")
	require.NoError(t, err)
	assert.Equal(t, "^[Ss][Ss][Nn]", p)
	assert.Equal(t, 3, n)
	for _, bad := range []string{"\u03c3ecret", "Token", ""} {
		_, err := pattern.KeyPartPattern(bad)
		assert.Error(t, err, bad)
	}
}

func TestNonBlankPattern(t *testing.T) {
	re := regexp.MustCompile(pattern.NonBlankPattern())
	for _, s := range []string{"", " ", "\t\n\v\f\r", "\x1c\x1d\x1e\x1f", "\u0085\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000"} {
		assert.False(t, re.MatchString(s), "%q is blank", s)
		assert.Equal(t, "", pattern.TrimSpace(s))
	}
	for _, s := range []string{"x", " x ", "\u200b", "\ufeff", "\u180e"} {
		assert.True(t, re.MatchString(s), "%q is not blank", s)
	}
	for r := rune(0); r < 0x3001; r++ {
		assert.Equal(t, pattern.IsSpace(r), !re.MatchString(string(r)), "U+%04X", r)
	}
}

const root = "../.."

type specCase struct{ name, path string }

// specs are the specs whose emitted patterns the engine tests run.
func specs(t *testing.T) []specCase {
	t.Helper()
	out := []specCase{{"contract", filepath.Join(root, "spec", "contract.yaml")}}
	paths, err := filepath.Glob(filepath.Join(root, "testdata", "specs", "*", "spec.yaml"))
	require.NoError(t, err)
	sort.Strings(paths)
	for _, p := range paths {
		out = append(out, specCase{filepath.Base(filepath.Dir(p)), p})
	}
	return append(out, specCase{"hostile", filepath.Join(root, "testdata", "hostile", "spec.yaml")})
}

// generate emits the schemas of a spec.
func generate(t *testing.T, path string) map[string][]byte {
	t.Helper()
	s, err := load.File(path)
	require.NoError(t, err)
	c, err := validate.Check(s)
	require.NoError(t, err)
	files, err := schema.New().Generate(c, emit.Options{})
	require.NoError(t, err)
	return files
}
