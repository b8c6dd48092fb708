package rt

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// quickRules stand in for a contract's rules: a key rule with parts and an
// exact key, a value rule with literals, as the shipped contract has.
var quickRules = []*rule{{
	parts:      []string{"password", "secret", "token"},
	exact:      []string{"ssn"},
	keyMessage: "forbidden key: {path}",
}, {
	literals:     []string{"PRIVATE KEY-----", "ghp_", "sk_live_"},
	starts:       "Pgs",
	values:       lazy(`ghp_[0-9A-Za-z]{20,}|sk_live_[0-9A-Za-z]{16,}|-----BEGIN [A-Z ]*PRIVATE KEY-----`),
	valueMessage: "forbidden value: {path}",
}}

// exactVerdict is what CheckForbidden's exact path says about doc.
func exactVerdict(doc []byte) error {
	var es Errors
	d := &decoder{data: doc}
	if err := d.end(d.skip(nil)); err != nil {
		return err
	}
	scanRaw(nil, doc, anyKeys|anyFree, &es)
	return es.err()
}

// checkQuick fails when the quick pass clears a document the exact path
// refuses: the quick pass may only ever say "clean" when it is.
func checkQuick(t *testing.T, doc []byte) bool {
	t.Helper()
	clean := quickClean(doc, anyKeys|anyFree)
	if err := exactVerdict(doc); clean && err != nil {
		t.Fatalf("quickClean cleared %q, which the exact path refuses: %v", doc, err)
	}
	// quickValue, which Raw uses, must end where skip does and only clear
	// what skip accepts.
	if end, _, ok := quickValue(doc, 0); ok {
		d := &decoder{data: doc}
		if err := d.skip(nil); err != nil || d.pos != end {
			t.Fatalf("quickValue cleared %q up to %d; skip ends at %d with %v", doc, end, d.pos, err)
		}
	}
	return clean
}

func withRules(t testing.TB) {
	saved := rules
	rules = quickRules
	t.Cleanup(func() { rules = saved })
}

func TestQuickCleanAgreesWithTheExactPath(t *testing.T) {
	withRules(t)
	clean := []string{
		`{}`, `[]`, `"x"`, `0`, `-1.5e+3`, `true`, ` null `,
		`{"a":[1,2,{"b":"c"}],"d":"e f"}`,
		`{"a\u0062":"\u00e9\n","k":"ghost sk skip"}`,
		`{"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,"k11":11,"k12":12,"k13":13,"k14":14,"k15":15,"k16":16,"k17":17,"k18":18}`,
	}
	for _, s := range clean {
		if !checkQuick(t, []byte(s)) {
			t.Errorf("quickClean does not clear %s", s)
		}
	}
	refused := []string{
		``, `{`, `{"a":1,}`, `[1,]`, `01`, `1.`, `-`, `nul`, `truex`, `"a`, "\"\x01\"", "\"\xff\"", `{"a":1}x`,
		`{"a":1,"a":2}`, `{"a":1,"\u0061":2}`,
		`{"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,"k11":11,"k12":12,"k13":13,"k14":14,"k15":15,"k16":16,"k17":17,"k3":18}`,
		`{"Password":1}`, `{"x":{"my_TOKEN":1}}`, `{"SSN":1}`, `{"tokén":1}`,
		`["ghp_0123456789abcdefghij0123"]`, `{"a":"sk_live_0123456789abcdef"}`, `"-----BEGIN RSA PRIVATE KEY-----"`,
		`["gh\u0070_0123456789abcdefghij0123"]`,
		strings.Repeat("[", quickDepth+1) + strings.Repeat("]", quickDepth+1),
	}
	for _, s := range refused {
		if checkQuick(t, []byte(s)) {
			t.Errorf("quickClean clears %q", s)
		}
	}
}

// TestQuickCleanOnTheCorpus runs every conformance document, and each with
// one byte removed at a few places, through both paths.
func TestQuickCleanOnTheCorpus(t *testing.T) {
	withRules(t)
	paths, err := filepath.Glob("../../../../testdata/conformance/*/*/*/*.json")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no corpus documents: %v", err)
	}
	cleared := 0
	for _, p := range paths {
		doc, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if checkQuick(t, doc) {
			cleared++
		}
		for _, at := range []int{1, len(doc) / 2, len(doc) - 2} {
			if at > 0 && at < len(doc) {
				cut := append(append([]byte(nil), doc[:at]...), doc[at+1:]...)
				checkQuick(t, cut)
			}
		}
	}
	if cleared == 0 {
		t.Error("the quick pass cleared no corpus document")
	}
}

// FuzzQuickClean: whatever the quick pass clears, the exact path accepts.
func FuzzQuickClean(f *testing.F) {
	f.Add([]byte(`{"a":[1,"ghost",{"b":null}]}`))
	f.Add([]byte(`{"secret":1}`))
	f.Add([]byte(`["\u0067hp_0123456789abcdefghij0123"]`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		withRules(t)
		checkQuick(t, doc)
	})
}

// TestQuickWithoutRules: a contract without forbidden material still gets
// the one pass.
func TestQuickWithoutRules(t *testing.T) {
	saved := rules
	rules = nil
	t.Cleanup(func() { rules = saved })
	if !quickClean([]byte(`{"password":"ghp_0123456789abcdefghij0123"}`), anyKeys|anyFree) {
		t.Error("without rules nothing is forbidden")
	}
	if _, _, ok := quickValue([]byte(`{"a":1}`), 0); !ok {
		t.Error("quickValue refuses a plain object")
	}
}

// TestQuickCleanPrefilterShapes runs the agreement check under rules whose
// literals and parts take each branch of the prefilters: a one-byte
// literal, two- and three-byte literals beside a longer one, a one-byte
// part, a non-ASCII part and exact keys. Documents are drawn from words
// that hold the literals, their near misses, and both cases.
func TestQuickCleanPrefilterShapes(t *testing.T) {
	shapes := map[string]*rule{
		"one-byte literal": {literals: []string{"Q", "zz_z"}, starts: "Qz",
			values: lazy(`Q|zz_z`), valueMessage: "v"},
		"short literals": {literals: []string{"ab", "abcd", "q_z"}, starts: "aq",
			values: lazy(`ab|q_z`), valueMessage: "v"},
		"long literals": {literals: []string{"abcd", "wxyz1"}, starts: "aw",
			values: lazy(`abcd|wxyz1`), valueMessage: "v"},
		"one-byte part":   {parts: []string{"k"}, keyMessage: "k"},
		"non-ASCII part":  {parts: []string{"clé"}, keyMessage: "k"},
		"parts and exact": {parts: []string{"pass", "tok"}, exact: []string{"id"}, keyMessage: "k"},
	}
	words := []string{"ab", "a", "abc", "abcd", "xabcdx", "q_z", "q_", "Q", "zz_z", "zz_", "wxyz", "wxyz1",
		"k", "K", "kk", "clé", "CLÉ", "cl", "pass", "PaSs", "pas", "tok", "TOK", "to", "id", "ID", "idx", "é", `\u0061b`, " "}
	seed := uint32(1)
	next := func(n int) int { seed = seed*1664525 + 1013904223; return int(seed>>8) % n }
	text := func() string {
		var b strings.Builder
		for n := next(4); n >= 0; n-- {
			b.WriteString(words[next(len(words))])
		}
		return b.String()
	}
	for name, r := range shapes {
		t.Run(name, func(t *testing.T) {
			saved := rules
			rules = []*rule{r}
			t.Cleanup(func() { rules = saved })
			cleared, refused := 0, 0
			for i := 0; i < 3000; i++ {
				doc := `{"` + text() + `":"` + text() + `","n":[{"` + text() + `":1}]}`
				if checkQuick(t, []byte(doc)) {
					cleared++
				} else {
					refused++
				}
			}
			// A non-ASCII part sends every key to the exact path.
			if name == "non-ASCII part" && cleared != 0 {
				t.Errorf("cleared %d documents; a non-ASCII part leaves every key to the exact path", cleared)
			} else if name != "non-ASCII part" && (cleared == 0 || refused == 0) {
				t.Errorf("cleared %d and refused %d of 3000 documents; both should happen", cleared, refused)
			}
		})
	}
}

// TestQuickCleanValueRuleWithoutLiterals: a value rule the generator finds
// no literal for (a pattern of digits) leaves every string to the exact
// path, alone and beside a rule whose literals are all four bytes or more,
// whose fast string loop must not pass over it.
func TestQuickCleanValueRuleWithoutLiterals(t *testing.T) {
	digits := &rule{values: lazy(`\b[0-9]{4}-[0-9]{4}\b`), valueMessage: "card number: {path}"}
	long := &rule{literals: []string{"abcd"}, starts: "a", values: lazy(`abcd`), valueMessage: "v: {path}"}
	for name, rs := range map[string][]*rule{"alone": {digits}, "beside long literals": {long, digits}} {
		t.Run(name, func(t *testing.T) {
			saved := rules
			rules = rs
			t.Cleanup(func() { rules = saved })
			for _, doc := range []string{`"4111-1111"`, `{"a":"x 4111-1111"}`, `["zz","4111-1111 y"]`, `{"k":{"n":"4111-1111"}}`} {
				if checkQuick(t, []byte(doc)) {
					t.Errorf("quickClean cleared %s", doc)
				}
				if _, _, ok := quickValueClean([]byte(doc), 0); ok {
					t.Errorf("quickValueClean cleared %s, which holds a card number", doc)
				}
			}
		})
	}
}
