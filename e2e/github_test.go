package e2e

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// githubProof is the test run inside the module generated from
// testdata/specs/github_webhooks: every real delivery decodes, re-encodes
// to a document that decodes to the same encoding, keeps the members the
// spec models, and mutated deliveries are rejected at the right path.
const githubProof = `package githubwebhooks

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type codec func([]byte) ([]byte, error)

func of[T json.Marshaler](dec func([]byte, ...DecodeOption) (T, error)) codec {
	return func(b []byte) ([]byte, error) {
		v, err := dec(b)
		if err != nil {
			return nil, err
		}
		return v.MarshalJSON()
	}
}

var events = map[string]codec{
	"issues": of(DecodeIssuesEvent), "pull_request": of(DecodePullRequestEvent), "push": of(DecodePushEvent),
	"ping": of(DecodePingEvent), "release": of(DecodeReleaseEvent),
}

func TestRealDeliveries(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(os.Getenv("DELIVERIES"), "*", "*.json"))
	if len(files) < 50 {
		t.Fatalf("only %d deliveries", len(files))
	}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		c := events[filepath.Base(filepath.Dir(f))]
		out, err := c(data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		again, err := c(out)
		if err != nil || string(again) != string(out) {
			t.Fatalf("%s: re-encoding is not stable: %v", f, err)
		}
		// Every member the encoding keeps has the delivery's value.
		var orig, enc map[string]any
		_ = json.Unmarshal(data, &orig)
		_ = json.Unmarshal(out, &enc)
		for k, v := range enc {
			if ov, ok := orig[k]; ok && !sameModelled(ov, v) {
				t.Fatalf("%s: member %s changed: %v -> %v", f, k, ov, v)
			}
		}
	}
}

// sameModelled compares a decoded value with the original, ignoring
// members of objects the encoding left out (not modelled).
func sameModelled(orig, enc any) bool {
	switch e := enc.(type) {
	case map[string]any:
		o, ok := orig.(map[string]any)
		if !ok {
			return false
		}
		for k, v := range e {
			if ov, ok := o[k]; ok && !sameModelled(ov, v) {
				return false
			}
		}
		return true
	case []any:
		o, ok := orig.([]any)
		if !ok || len(o) != len(e) {
			return false
		}
		for i := range e {
			if !sameModelled(o[i], e[i]) {
				return false
			}
		}
		return true
	}
	ob, _ := json.Marshal(orig)
	eb, _ := json.Marshal(enc)
	return string(ob) == string(eb)
}

func TestMutatedDeliveries(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(os.Getenv("DELIVERIES"), "issues", "opened.with-organization.payload.json"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	for _, c := range []struct{ name, old, new, path string }{
		{"unknown action", ` + "`\"action\": \"opened\"`, `\"action\": \"exploded\"`" + `, "action"},
		{"wrong enum", ` + "`\"author_association\": \"OWNER\"`, `\"author_association\": \"GOD\"`" + `, "issue.author_association"},
		{"missing required member", ` + "`\"full_name\":`, `\"x_full_name\":`" + `, "repository.full_name"},
		{"wrong type at depth", ` + "`\"site_admin\": false`, `\"site_admin\": \"no\"`" + `, "issue.user.site_admin"},
		{"string for an integer id", ` + "`\"number\": 1,`, `\"number\": \"1\",`" + `, "issue.number"},
	} {
		if !strings.Contains(doc, c.old) {
			t.Fatalf("%s: %q not in the delivery", c.name, c.old)
		}
		_, err := DecodeIssuesEvent([]byte(strings.Replace(doc, c.old, c.new, 1)))
		var es Errors
		if !errorsAs(err, &es) || es[0].Path != c.path {
			t.Fatalf("%s: want an error at %s, got %v", c.name, c.path, err)
		}
	}
}

func errorsAs(err error, es *Errors) bool {
	e, ok := err.(Errors)
	if ok && len(e) > 0 {
		*es = e
	}
	return ok && len(e) > 0
}
`

// TestGitHubWebhooks generates the GitHub webhooks package and runs
// githubProof in it over the real deliveries in testdata/realworld.
func TestGitHubWebhooks(t *testing.T) {
	root := repoRoot(t)
	dir := t.TempDir()
	copyFile(t, filepath.Join(root, "testdata", "specs", "github_webhooks", "spec.yaml"), filepath.Join(dir, "spec.yaml"))
	r := gen(t, dir, nil, "-spec", "spec.yaml", "-go-out", "mod", "-schema-out", "", "-docs-out", "")
	require.Equal(t, 0, r.code, "%s", r)
	writeFile(t, filepath.Join(dir, "mod", "go.mod"), "module example.com/githubwebhooks\n\ngo 1.26\n")
	writeFile(t, filepath.Join(dir, "mod", "proof_test.go"), githubProof)
	env := goEnv("DELIVERIES=" + filepath.Join(root, "testdata", "realworld", "github-webhooks"))
	res := run(t, filepath.Join(dir, "mod"), env, 3*time.Minute, goTool(t), "test", "./...")
	require.Equal(t, 0, res.code, "%s", res)
}
